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
                    "account", o.getBillingAccountId(), "outcome", o.getOutcome(), "credit",
                    money(o.getCredit()))).toList());
            model.put("totalCredit", money(done.getTotalCredit()) + " " + done.getTotalCredit().getCurrency());
            emails.add(CONFIRMED, done.getResellerEmail(), done.getResellerName(), "Your move to postpaid billing "
                    + "is confirmed", model, false);
        } else if (event instanceof TrialEnding ending) {
            emails.add(TRIAL_ENDING, ending.getResellerEmail(), Emails.NAME_UNKNOWN, "Trial ending: order "
                    + ending.getOrderId(), Map.of("orderId", ending.getOrderId(), "account",
                    ending.getBillingAccountId(), "endsOn", ending.getEndsOn().toString()), false);
        } else if (event instanceof CustomerSuspended suspended) {
            emails.add(SUSPENDED, suspended.getResellerEmail(), Emails.NAME_UNKNOWN, "Customer suspended: "
                    + "order " + suspended.getOrderId(), Map.of("orderId", suspended.getOrderId(), "account",
                    suspended.getBillingAccountId()), false);
        }
    }

    private static String money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }
}
