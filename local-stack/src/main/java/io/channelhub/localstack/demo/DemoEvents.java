package io.channelhub.localstack.demo;

import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.SubscriptionChange;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.OfferListed;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * The demo scenario: a customer moves an entitlement from one reseller to another (CHANGE_RESELLER), the ISV
 * offers that customer a discount through its reseller, and the reseller's current month is billed: the seed's
 * prices (B2: 150.00, 50.00 and 60.00 a user-year less a 20% margin), a 10% discount in effect all month (D8), the
 * month-end invoice (B4) and the ISV's payout statement (D6). Event ids are derived from fixed names, never random:
 * playing the demo again is a replay the services dedupe, so it sends no second e-mail and bills nothing twice.
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

    /** Billing: a second ISV, so the demo ISV's statement holds only its own, discounted, subscription. */
    static final String SECOND_ISV = "isv-fabrikam-tools";
    static final String ANALYTICS_SKU = "sku-acme-analytics-pro";
    static final String BACKUP_SKU = "sku-fabrikam-backup";
    static final String VPN_SKU = "sku-fabrikam-vpn";
    /** Invoice lines follow the subscription ids: the discounted one first. */
    static final String ANALYTICS_SUBSCRIPTION = "subscription-globex-analytics";
    static final String BACKUP_SUBSCRIPTION = "subscription-globex-backup";
    static final String VPN_SUBSCRIPTION = "subscription-globex-vpn";
    /**
     * Billing's payout statements wait this long past the month's end for every payer's invoice: billing-service's
     * default {@code channelhub.billing.statement-delay} (PT1H), which the local stack keeps. The statement tick
     * comes a minute after it.
     */
    static final Duration STATEMENT_DELAY = Duration.ofHours(1);

    /** One record to publish. */
    record Publication(String topic, String key, SpecificRecord event) {
    }

    /**
     * Reference data the transfer needs: the ISV, both resellers, both accounts, the offer (whose names the e-mails
     * print), the active entitlement.
     */
    static List<Publication> referenceData(Instant at) {
        return List.of(
                new Publication(Topics.DIRECTORY_EVENTS, "isv:" + ISV, IsvRegistered.newBuilder()
                        .setMeta(meta("IsvRegistered", 0, at)).setIsvId(ISV).setName("Acme Analytics")
                        .setContactEmail("partners@acme-analytics.example").setResaleEnabled(true).build()),
                new Publication(Topics.DIRECTORY_EVENTS, "reseller:" + CURRENT_RESELLER, ResellerRegistered.newBuilder()
                        .setMeta(meta("ResellerRegistered", 0, at)).setResellerId(CURRENT_RESELLER)
                        .setName("Northwind Resale").setContactEmail("channel@northwind.example").setCountry("DE")
                        .setAddress(List.of("Hafenstrasse 12", "20457 Hamburg", "Germany")).setPaymentTermsDays(30)
                        .build()),
                new Publication(Topics.DIRECTORY_EVENTS, "reseller:" + TARGET_RESELLER, ResellerRegistered.newBuilder()
                        .setMeta(meta("ResellerRegistered", 1, at)).setResellerId(TARGET_RESELLER)
                        .setName("Contoso Channel").setContactEmail("channel@contoso.example").setCountry("DE")
                        .setAddress(List.of("Leopoldstrasse 30", "80802 Muenchen", "Germany")).setPaymentTermsDays(14)
                        .build()),
                new Publication(Topics.DIRECTORY_EVENTS, "account:" + CURRENT_ACCOUNT, account(0, CURRENT_ACCOUNT,
                        "Globex Hamburg", CURRENT_RESELLER, at)),
                new Publication(Topics.DIRECTORY_EVENTS, "account:" + TARGET_ACCOUNT, account(1, TARGET_ACCOUNT,
                        "Globex Munich", TARGET_RESELLER, at)),
                new Publication(Topics.DIRECTORY_EVENTS, "offer:" + OFFER, OfferListed.newBuilder()
                        .setMeta(meta("OfferListed", 0, at)).setOfferId(OFFER).setOfferName("Annual, per user")
                        .setProductName("Acme Analytics Pro").setIsvId(ISV).build()),
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

    /**
     * The month the demo bills: the current one (UTC). The discount is requested just before it begins, the plans
     * are dated its first day, the ticks just after the next month begins: the services take time from the events,
     * so nobody waits for the month to end.
     */
    static YearMonth billingMonth(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC));
    }

    /**
     * B2, D6: the second ISV, the seed's list prices per user-year and the reseller's margin (prices.events, keys
     * {@code price:<sku>:<plan>} and {@code margin:<resellerId>}); no revenue-share rate, so the default 3% applies.
     */
    static List<Publication> billingReferenceData(Instant at) {
        return List.of(
                new Publication(Topics.DIRECTORY_EVENTS, "isv:" + SECOND_ISV, IsvRegistered.newBuilder()
                        .setMeta(meta("IsvRegistered", 1, at)).setIsvId(SECOND_ISV).setName("Fabrikam Tools")
                        .setContactEmail("partners@fabrikam-tools.example").setResaleEnabled(true).build()),
                price(0, ANALYTICS_SKU, "Acme Analytics Pro", ISV, BillingPlan.ANNUAL, "150.00", at),
                price(1, BACKUP_SKU, "Fabrikam Backup", SECOND_ISV, BillingPlan.ANNUAL, "50.00", at),
                price(2, VPN_SKU, "Fabrikam VPN", SECOND_ISV, BillingPlan.FLEXIBLE, "60.00", at),
                new Publication(Topics.PRICES_EVENTS, "margin:" + CURRENT_RESELLER, ResellerMarginSet.newBuilder()
                        .setMeta(meta("ResellerMarginSet", 0, at)).setResellerId(CURRENT_RESELLER)
                        .setPercent(new BigDecimal("20.00")).build()));
    }

    /**
     * D1, D3, D8: the ISV's 10% for the customer's account through its current reseller, in effect for the whole
     * billed month: requested and accepted (upstream, as the reseller's link would) just before the month began,
     * ending where the demo's offer from next month starts, so the two do not overlap (D4). Being accepted, it
     * starts on the first tick after its start; {@link #discountTick} is that tick. The request and the acceptance
     * must reach discount-service without a tick between them: a tick after the start finds the proposal unaccepted
     * and lets it lapse. Publish them together.
     */
    static List<Publication> billingDiscount(YearMonth month) {
        Instant start = startOf(month);
        DiscountConfigurationRequested request = DiscountConfigurationRequested.newBuilder()
                .setMeta(EventIds.origin(billingDiscountRequestId(), start.minus(Duration.ofMinutes(10)), PRODUCER))
                .setIsvId(ISV).setResellerId(CURRENT_RESELLER).setBillingAccountId(CURRENT_ACCOUNT)
                .setPercent(new BigDecimal("10.00")).setStartsAt(start).setEndsAt(startOf(month.plusMonths(1)))
                .setPrivateNotes("Demo billing: 10% for Globex this month").build();
        DiscountAcceptanceSubmitted acceptance = DiscountAcceptanceSubmitted.newBuilder()
                .setMeta(meta("DiscountAcceptanceSubmitted", 0, start.minus(Duration.ofMinutes(5))))
                .setDiscountId(billingDiscountId()).setIsvId(ISV).setResellerId(CURRENT_RESELLER)
                .setChannel("upstream").build();
        String book = Keys.discounts(ISV, CURRENT_RESELLER);
        return List.of(new Publication(Topics.DISCOUNTS_COMMANDS, book, request),
                new Publication(Topics.DISCOUNTS_COMMANDS, book, acceptance));
    }

    static String billingDiscountRequestId() {
        return eventId("DiscountConfigurationRequested", 1);
    }

    /** The id discount-service gives the billing discount: derived from its request's event id (D1). */
    static String billingDiscountId() {
        return EventIds.derive(billingDiscountRequestId(), "Discount", 0);
    }

    /** A tick on the discounts' partition at {@code now}, as the ticker would send: starts the accepted discount. */
    static Publication discountTick(Instant now) {
        return new Publication(Topics.DISCOUNTS_COMMANDS, Keys.discounts(ISV, CURRENT_RESELLER),
                tick("discounts", 0, now));
    }

    /**
     * B1: the reseller's plans for the customer's account, chosen on the month's first day (after the discount
     * started, so D8 fixes it at acceptance; a whole month billed): 10 licences of the ISV's product on Annual,
     * 10 of the second ISV's on Annual and its other product on Flexible with a cap of 10 and 8 users added
     * (billing.commands, key payerId).
     */
    static List<Publication> billingPlans(YearMonth month) {
        Instant chosen = startOf(month).plus(Duration.ofMinutes(10));
        return List.of(
                plan(0, ANALYTICS_SUBSCRIPTION, ISV, ANALYTICS_SKU, BillingPlan.ANNUAL, 10, chosen),
                plan(1, BACKUP_SUBSCRIPTION, SECOND_ISV, BACKUP_SKU, BillingPlan.ANNUAL, 10, chosen),
                plan(2, VPN_SUBSCRIPTION, SECOND_ISV, VPN_SKU, BillingPlan.FLEXIBLE, 10, chosen),
                new Publication(Topics.BILLING_COMMANDS, CURRENT_RESELLER, SubscriptionChangeRequested.newBuilder()
                        .setMeta(meta("SubscriptionChangeRequested", 0, chosen.plus(Duration.ofMinutes(1))))
                        .setSubscriptionId(VPN_SUBSCRIPTION).setPayerId(CURRENT_RESELLER)
                        .setChange(SubscriptionChange.ADD_SEATS).setCount(8).build()));
    }

    /**
     * B4: the first tick of the next month (30 s in) issues the month's invoice. On the payer's partition and on
     * both ISVs' (the statements live by ISV), as the ticker would.
     */
    static List<Publication> monthEndTicks(YearMonth month) {
        return billingTicks("month-end", startOf(month.plusMonths(1)).plusSeconds(30));
    }

    /** D6: a tick past the statement delay issues each ISV's payout statement for the month. */
    static List<Publication> statementTicks(YearMonth month) {
        return billingTicks("statements", startOf(month.plusMonths(1)).plus(STATEMENT_DELAY).plusSeconds(60));
    }

    private static List<Publication> billingTicks(String purpose, Instant at) {
        List<String> keys = List.of(CURRENT_RESELLER, ISV, SECOND_ISV);
        return IntStream.range(0, keys.size())
                .mapToObj(i -> new Publication(Topics.BILLING_COMMANDS, keys.get(i), tick(purpose, i, at))).toList();
    }

    private static ClockTicked tick(String purpose, int index, Instant at) {
        return ClockTicked.newBuilder().setMeta(meta("ClockTicked:" + purpose, index, at)).setAt(at).build();
    }

    private static Publication price(int index, String sku, String productName, String isvId, BillingPlan plan,
            String listPerUserYear, Instant at) {
        return new Publication(Topics.PRICES_EVENTS, "price:" + sku + ":" + plan, PriceListed.newBuilder()
                .setMeta(meta("PriceListed", index, at)).setSku(sku).setIsvId(isvId).setPlan(plan)
                .setListPerUserYear(AvroMoney.toAvro(Money.of(listPerUserYear, "EUR"))).setProductName(productName)
                .build());
    }

    private static Publication plan(int index, String subscriptionId, String isvId, String sku, BillingPlan plan,
            int seats, Instant at) {
        return new Publication(Topics.BILLING_COMMANDS, CURRENT_RESELLER, SubscriptionPlanChosen.newBuilder()
                .setMeta(meta("SubscriptionPlanChosen", index, at)).setSubscriptionId(subscriptionId)
                .setPayerId(CURRENT_RESELLER).setBillingAccountId(CURRENT_ACCOUNT).setIsvId(isvId).setSku(sku)
                .setOfferId(null).setPlan(plan).setSeats(seats).setCustomerKind(null).setProductType(null).build());
    }

    private static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static BillingAccountRegistered account(int index, String accountId, String displayName,
            String resellerId, Instant at) {
        return BillingAccountRegistered.newBuilder().setMeta(meta("BillingAccountRegistered", index, at))
                .setBillingAccountId(accountId).setCustomerId(CUSTOMER).setCustomerName("Globex GmbH")
                .setContactEmail("it@globex.example").setResellerId(resellerId).setDisplayName(displayName).build();
    }

    private static EventMeta meta(String kind, int index, Instant at) {
        return EventIds.origin(eventId(kind, index), at, PRODUCER);
    }

    private static String eventId(String kind, int index) {
        return EventIds.derive("demo", kind, index);
    }
}
