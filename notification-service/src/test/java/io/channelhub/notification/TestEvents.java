package io.channelhub.notification;

import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.common.event.EventMeta;
import io.channelhub.documents.Assigned;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.email.SignedApprovalLinks;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferOpened;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Outcome events as transfer-service writes them, and the planner as the service builds it. */
public final class TestEvents {
    private TestEvents() {
    }

    public static final String KEY = "notification test key, 32+ characters";
    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    public static final Instant EXPIRES = Instant.parse("2026-12-07T10:00:00Z");
    /** When the planned events were written to their topics: as they happened, at {@link #T0}. */
    public static final Instant WRITTEN = T0;
    public static final ApprovalTokens TOKENS = new ApprovalTokens(KEY, ApprovalTokens.TRANSFERS);
    /** Signs with the key the tests' application.properties give the service: its links verify with TOKENS too. */
    public static final ApprovalTokens DISCOUNT_TOKENS = new ApprovalTokens(KEY, ApprovalTokens.DISCOUNTS);
    public static final EmailPlanner PLANNER = new EmailPlanner(new SignedApprovalLinks(KEY,
            "https://transfers.example/", "https://discounts.example/"));

    /**
     * What billing's numbering fixed for a document (D-102): number, 45 days' terms from 2026-11-23 (T0), the payer's
     * address, the name of the product SKU-PRO.
     */
    public static Assigned numbered(String documentId) {
        return Assigned.numbered(documentNumbered(documentId, "num-" + documentId));
    }

    public static DocumentNumbered documentNumbered(String documentId, String eventId) {
        return DocumentNumbered.newBuilder().setMeta(meta(eventId)).setDocumentId(documentId)
                .setDocumentType("MONTHLY_INVOICE").setPayerId("R-1").setIssuerId("CH").setSeries("INV")
                .setYear(2026).setSequence(1).setNumber("CH-2026-000001").setIssuedOn(LocalDate.parse("2026-11-23"))
                .setTermsDays(45).setDueOn(LocalDate.parse("2027-01-07"))
                .setBillToAddress(List.of("1 Reseller Way", "8000 Zurich"))
                .setNames(Map.of("sku:SKU-PRO", "Vendor Pro Suite")).build();
    }

    public static EventMeta meta(String eventId) {
        return EventMeta.newBuilder().setEventId(eventId).setOccurredAt(T0).setProducer("transfer-service").build();
    }

    public static TransferDetails details(String entitlementId) {
        return TransferDetails.newBuilder()
                .setTransferId("T-" + entitlementId).setKind(TransferKind.CHANGE_RESELLER)
                .setCustomerCompanyName("Acme <Ltd>").setEntitlementId(entitlementId).setOfferId("O-1")
                .setIsvId("ISV-1").setFromBillingAccountId("BA-1").setToBillingAccountId("BA-2")
                .setFromResellerId("R-1").setToResellerId("R-2")
                .setContact(new Contact("Ada", "ada@acme.example"))
                .setParties(List.of(
                        new Party(PartyRole.CUSTOMER, "C-1", "Acme <Ltd>", "it@acme.example"),
                        new Party(PartyRole.ISV, "ISV-1", "Vendor", "partners@vendor.example"),
                        new Party(PartyRole.CURRENT_RESELLER, "R-1", "Old Reseller", "sales@old.example"),
                        new Party(PartyRole.TARGET_RESELLER, "R-2", "New Reseller", "sales@new.example")))
                .build();
    }

    /**
     * The details of a transfer whose offer and accounts the directory names (issue 23); {@link #details} is one
     * it did not name, as every transfer opened before the names existed.
     */
    public static TransferDetails namedDetails(String entitlementId) {
        return TransferDetails.newBuilder(details(entitlementId)).setProductName("Vendor Analytics")
                .setOfferName("Analytics Pro").setFromBillingAccountName("Acme Hamburg")
                .setToBillingAccountName("Acme Munich").build();
    }

    public static TransferOpened opened(String eventId, String entitlementId) {
        return new TransferOpened(meta(eventId), details(entitlementId), T0.plusSeconds(3 * 86400), EXPIRES);
    }

    /** B4: a monthly invoice of R-1 with one discounted line. */
    public static InvoiceIssued invoice() {
        InvoiceLine line = InvoiceLine.newBuilder().setNumber(1).setSubscriptionId("SUB-ACME-1")
                .setBillingAccountId("BA-ACME").setIsvId("ISV-1").setSku("SKU-PRO").setCharge("ANNUAL_INSTALMENT")
                .setFirstDay(LocalDate.parse("2026-11-01")).setLastDay(LocalDate.parse("2026-11-30"))
                .setSeatDays(300).setUnitPrice(eur("10.00")).setGross(eur("100.00"))
                .setDiscountPercent(new BigDecimal("10.00")).setDiscountId("D-1").setDiscountRule("D8")
                .setDiscount(eur("10.00")).setNet(eur("90.00")).setRevenueShare(eur("2.70"))
                .setIsvPayout(eur("87.30")).build();
        return InvoiceIssued.newBuilder().setMeta(meta("s-22")).setInvoiceId("INV-2026-0001").setPayerId("R-1")
                .setPayerName("Reseller One").setPayerEmail("billing@r1.example").setMonth("2026-11")
                .setIssuedAt(T0).setCurrency("EUR").setLines(List.of(line)).setSubtotal(eur("100.00"))
                .setDiscounts(eur("10.00")).setCreditsApplied(eur("0.00")).setTotalDue(eur("90.00")).build();
    }

    private static io.channelhub.common.event.Money eur(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "EUR"));
    }
}
