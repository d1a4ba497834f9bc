package io.channelhub.localstack.demo;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The demo scenario: a customer moves an entitlement from one reseller to another (CHANGE_RESELLER), and the
 * ISV offers that customer a discount through its reseller. Event ids
 * are derived from fixed names, never random: playing the demo again is a replay the services dedupe, so it
 * sends no second e-mail.
 */
final class DemoEvents {
    private DemoEvents() {
    }

    static final String PRODUCER = "local-stack-demo";
    static final String ISV = "isv-acme-analytics";
    static final String CURRENT_RESELLER = "reseller-northwind";
    static final String TARGET_RESELLER = "reseller-contoso";
    static final String CURRENT_ACCOUNT = "account-globex-northwind";
    static final String TARGET_ACCOUNT = "account-globex-contoso";
    static final String CUSTOMER = "customer-globex";
    static final String ENTITLEMENT = "entitlement-globex-analytics";
    static final String OFFER = "offer-analytics-pro";

    /** One record to publish. */
    record Publication(String topic, String key, SpecificRecord event) {
    }

    /** Reference data the transfer needs: the ISV, both resellers, both accounts, the active entitlement. */
    static List<Publication> referenceData(Instant at) {
        return List.of(
                new Publication(Topics.DIRECTORY_EVENTS, "isv:" + ISV, IsvRegistered.newBuilder()
                        .setMeta(meta("IsvRegistered", 0, at)).setIsvId(ISV).setName("Acme Analytics")
                        .setContactEmail("partners@acme-analytics.example").setResaleEnabled(true).build()),
                new Publication(Topics.DIRECTORY_EVENTS, "reseller:" + CURRENT_RESELLER, ResellerRegistered.newBuilder()
                        .setMeta(meta("ResellerRegistered", 0, at)).setResellerId(CURRENT_RESELLER)
                        .setName("Northwind Resale").setContactEmail("channel@northwind.example").setCountry("DE")
                        .build()),
                new Publication(Topics.DIRECTORY_EVENTS, "reseller:" + TARGET_RESELLER, ResellerRegistered.newBuilder()
                        .setMeta(meta("ResellerRegistered", 1, at)).setResellerId(TARGET_RESELLER)
                        .setName("Contoso Channel").setContactEmail("channel@contoso.example").setCountry("DE")
                        .build()),
                new Publication(Topics.DIRECTORY_EVENTS, "account:" + CURRENT_ACCOUNT, account(0, CURRENT_ACCOUNT,
                        CURRENT_RESELLER, at)),
                new Publication(Topics.DIRECTORY_EVENTS, "account:" + TARGET_ACCOUNT, account(1, TARGET_ACCOUNT,
                        TARGET_RESELLER, at)),
                new Publication(Topics.ENTITLEMENTS_EVENTS, ENTITLEMENT, EntitlementActivated.newBuilder()
                        .setMeta(meta("EntitlementActivated", 0, at)).setEntitlementId(ENTITLEMENT).setOfferId(OFFER)
                        .setIsvId(ISV).setBillingAccountId(CURRENT_ACCOUNT).build()));
    }

    /** The ISV files the transfer of the entitlement to the account the other reseller serves. */
    static Publication transferRequest(Instant at) {
        return new Publication(Topics.TRANSFERS_COMMANDS, ENTITLEMENT, TransferRequested.newBuilder()
                .setMeta(meta("TransferRequested", 0, at)).setCustomerCompanyName("Globex GmbH")
                .setEntitlementId(ENTITLEMENT).setOfferId(OFFER).setCurrentBillingAccountId(CURRENT_ACCOUNT)
                .setTargetBillingAccountId(TARGET_ACCOUNT).setContactName("Jane Doe")
                .setContactEmail("jane.doe@globex.example").setKind(TransferKind.CHANGE_RESELLER).build());
    }

    /**
     * D1: the ISV offers the customer 10% through its current reseller from the first day of next month (UTC);
     * the reseller gets an e-mail with a link to accept it.
     */
    static Publication discountOffer(Instant at) {
        Instant firstOfNextMonth = YearMonth.from(at.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Publication(Topics.DISCOUNTS_COMMANDS, Keys.discounts(ISV, CURRENT_RESELLER),
                DiscountConfigurationRequested.newBuilder().setMeta(meta("DiscountConfigurationRequested", 0, at))
                        .setIsvId(ISV).setResellerId(CURRENT_RESELLER).setBillingAccountId(CURRENT_ACCOUNT)
                        .setPercent(new BigDecimal("10.00")).setStartsAt(firstOfNextMonth)
                        .setPrivateNotes("Loyalty discount: Globex renewed three years running").build());
    }

    private static BillingAccountRegistered account(int index, String accountId, String resellerId, Instant at) {
        return BillingAccountRegistered.newBuilder().setMeta(meta("BillingAccountRegistered", index, at))
                .setBillingAccountId(accountId).setCustomerId(CUSTOMER).setCustomerName("Globex GmbH")
                .setContactEmail("it@globex.example").setResellerId(resellerId).build();
    }

    private static EventMeta meta(String kind, int index, Instant at) {
        return EventIds.origin(EventIds.derive("demo", kind, index), at, PRODUCER);
    }
}
