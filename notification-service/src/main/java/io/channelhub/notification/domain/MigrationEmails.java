package io.channelhub.notification.domain;

import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.TrialEnding;
import io.channelhub.pricing.AvroMoney;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** B5: the reseller is told its migration is confirmed, that a migrated trial ends soon, and of a suspension. */
public final class MigrationEmails {

    public static final String CONFIRMED = "migration-confirmed";
    public static final String TRIAL_ENDING = "migration-trial-ending";
    public static final String SUSPENDED = "migration-customer-suspended";

    void plan(SpecificRecord event, Emails emails) {
        if (event instanceof MigrationCompleted done) {
            Map<String, Object> model = new HashMap<>();
            model.put("migratedAt", Emails.WHEN.format(done.getMigratedAt()));
            model.put("orders", done.getOrders().stream().map(o -> Map.of("orderId", o.getOrderId(),
                    "account", account(o.getCustomerName(), o.getBillingAccountId()), "outcome", o.getOutcome(),
                    "credit", money(o.getCredit()))).toList());
            model.put("totalCredit", money(done.getTotalCredit()) + " " + done.getTotalCredit().getCurrency());
            emails.add(CONFIRMED, done.getResellerEmail(), done.getResellerName(), "Your move to postpaid billing "
                    + "is confirmed", model, false);
        } else if (event instanceof TrialEnding ending) {
            emails.add(TRIAL_ENDING, ending.getResellerEmail(), ending.getResellerName(),
                    "Trial ending: order " + ending.getOrderId() + customerOf(ending.getCustomerName()),
                    Map.of("orderId", ending.getOrderId(), "account", account(ending.getCustomerName(),
                            ending.getBillingAccountId()), "endsOn", ending.getEndsOn().toString()), false);
        } else if (event instanceof CustomerSuspended suspended) {
            emails.add(SUSPENDED, suspended.getResellerEmail(), suspended.getResellerName(),
                    "Customer suspended: order " + suspended.getOrderId() + customerOf(suspended.getCustomerName()),
                    Map.of("orderId", suspended.getOrderId(), "account", account(suspended.getCustomerName(),
                            suspended.getBillingAccountId())), false);
        }
    }

    /** Issue 23: the customer by name, the account id beside it as the reference; the id alone if unnamed. */
    static String account(String customerName, String billingAccountId) {
        return customerName == null ? billingAccountId : customerName + " (" + billingAccountId + ")";
    }

    private static String customerOf(String customerName) {
        return customerName == null ? "" : " of " + customerName;
    }

    private static String money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }
}
