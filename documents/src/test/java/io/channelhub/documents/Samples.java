package io.channelhub.documents;

import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.common.event.EventMeta;
import io.channelhub.migration.event.MigratedOrder;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceLine;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The documents of the seed's reseller, Northwind Resale, as the sample PNGs show them. */
final class Samples {

    static final Issuer ISSUER = Issuer.configured(new java.util.Properties());
    static final List<String> NORTHWIND_ADDRESS = List.of("12 Harbour Street",
            "Leith, Edinburgh EH6 6QQ", "United Kingdom");
    static final Map<String, String> NAMES = Map.of("account:billing-account-globex-analytics-subaccount",
            "Globex Corporation International Holdings", "account:billing-account-initech", "Initech",
            "sku:sku-acme-analytics-enterprise", "Acme Analytics Enterprise", "sku:sku-acme-backup",
            "Acme Backup", "invoice:inv-2026-12-reseller-northwind", "CH-2027-000001");

    private Samples() {
    }

    static Assigned assigned(String number, String issuedOn, int terms) {
        LocalDate day = LocalDate.parse(issuedOn);
        return new Assigned(number, day, terms, day.plusDays(terms), NORTHWIND_ADDRESS, NAMES);
    }

    static InvoiceLine line(int number, String account, String sku, String charge, String first, String last,
            int seatDays, String unit, String gross, String percent, String discount, String net) {
        return InvoiceLine.newBuilder().setNumber(number).setSubscriptionId("subscription-" + account + "-" + sku)
                .setBillingAccountId(account).setIsvId("isv-acme").setSku(sku).setCharge(charge)
                .setFirstDay(LocalDate.parse(first)).setLastDay(LocalDate.parse(last)).setSeatDays(seatDays)
                .setUnitPrice(eur(unit)).setGross(eur(gross)).setDiscountPercent(new BigDecimal(percent))
                .setDiscountId(null).setDiscountRule("D8_AT_ACCEPTANCE").setDiscount(eur(discount)).setNet(eur(net))
                .setRevenueShare(eur("0.00")).setIsvPayout(eur(net))
                .setInstalment(charge.startsWith("ANNUAL") ? 7 : null).build();
    }

    static List<InvoiceLine> lines() {
        return List.of(
                line(1, "billing-account-globex-analytics-subaccount", "sku-acme-analytics-enterprise",
                        "ANNUAL_INSTALMENT", "2026-12-01", "2026-12-31", 310, "10.00", "100.00", "10.00", "10.00",
                        "90.00"),
                line(2, "billing-account-initech", "sku-acme-backup", "FLEXIBLE_USAGE", "2026-12-01",
                        "2026-12-31", 217, "4.00", "28.00", "0.00", "0.00", "28.00"),
                line(3, "billing-account-globex-analytics-subaccount", "sku-acme-analytics-enterprise",
                        "ANNUAL_SEATS_ADDED", "2026-12-22", "2026-12-31", 50, "3.33", "5.37", "10.00", "0.54",
                        "4.83"));
    }

    static InvoiceIssued monthlyInvoice(List<InvoiceLine> lines, String subtotal, String discounts, String credits,
            String due) {
        return InvoiceIssued.newBuilder().setMeta(meta()).setInvoiceId("inv-2026-12-reseller-northwind")
                .setPayerId("reseller-northwind").setPayerName("Northwind Resale").setPayerEmail("billing@nw.example")
                .setMonth("2026-12").setIssuedAt(Instant.parse("2027-01-01T00:05:00Z")).setCurrency("EUR")
                .setLines(lines).setSubtotal(eur(subtotal)).setDiscounts(eur(discounts))
                .setCreditsApplied(eur(credits)).setTotalDue(eur(due)).build();
    }

    static InvoiceIssued monthlyInvoice() {
        return monthlyInvoice(lines(), "133.37", "10.54", "0.00", "122.83");
    }

    static CreditNoteIssued creditNote() {
        InvoiceLine credited = lines().get(0);
        InvoiceLine negated = InvoiceLine.newBuilder(credited).setGross(eur("-100.00")).setDiscount(eur("-10.00"))
                .setNet(eur("-90.00")).setRevenueShare(eur("0.00")).setIsvPayout(eur("-90.00")).build();
        return CreditNoteIssued.newBuilder().setMeta(meta()).setCreditNoteId("cn-1")
                .setInvoiceId("inv-2026-12-reseller-northwind").setPayerId("reseller-northwind").setMonth("2026-12")
                .setIssuedAt(Instant.parse("2027-01-08T10:00:00Z")).setCurrency("EUR")
                .setReason("Customer cancelled before the month started; agreed with the ISV")
                .setLines(List.of(negated)).setTotal(eur("-90.00")).build();
    }

    static PrepaidInvoiceIssued prepaidInvoice() {
        return PrepaidInvoiceIssued.newBuilder().setMeta(meta()).setInvoiceId("prepaid-2026-12-reseller-northwind")
                .setResellerId("reseller-northwind").setMonth("2026-12").setResellerName("Northwind Resale")
                .setResellerEmail("billing@nw.example")
                .setLines(List.of(new PrepaidInvoiceLine("order-2026-12-0001", "sku-acme-analytics-enterprise", 10,
                        eur("400.00")), new PrepaidInvoiceLine("order-2026-12-0002", "sku-acme-backup", 3,
                        eur("144.00")))).setTotal(eur("544.00")).build();
    }

    static ResellerOrder order() {
        return ResellerOrder.newBuilder().setOrderId("order-r-0042").setResellerId("reseller-northwind")
                .setResellerName("Northwind Resale").setResellerEmail("billing@nw.example")
                .setCustomerName("Initech").setCustomerEmail("it@initech.example")
                .setPlacedAt(Instant.parse("2026-12-05T10:00:00Z")).setDueOn(LocalDate.parse("2027-01-04"))
                .setCurrency("USD").setLines(List.of(new OrderLine("sku-acme-analytics-enterprise", 2, usd("500.00"),
                        usd("1000.00")))).setSubtotal(usd("1000.00")).setDiscountPercent(new BigDecimal("10.00"))
                .setDiscount(usd("100.00")).setNet(usd("900.00")).setTaxPercent(new BigDecimal("8.875"))
                .setTaxExemptionCertificate(null).setTax(usd("79.88")).setTotal(usd("979.88")).build();
    }

    static MigrationCompleted migration() {
        return MigrationCompleted.newBuilder().setMeta(meta()).setResellerId("reseller-northwind")
                .setResellerName("Northwind Resale").setResellerEmail("billing@nw.example")
                .setMigratedAt(Instant.parse("2026-12-10T09:00:00Z"))
                .setOrders(List.of(MigratedOrder.newBuilder().setOrderId("order-2026-03-0007")
                        .setBillingAccountId("billing-account-globex-analytics-subaccount")
                        .setSku("sku-acme-analytics-enterprise").setOutcome("ANNUAL")
                        .setRenewalDate(LocalDate.parse("2027-03-01")).setTrialEndsOn(null).setUnusedDays(81)
                        .setTermDays(365).setAmountPaid(eur("400.00")).setCredit(eur("88.77")).build(),
                        MigratedOrder.newBuilder().setOrderId("order-2026-11-0012")
                                .setBillingAccountId("billing-account-initech").setSku("sku-acme-backup")
                                .setOutcome("FINAL_TRIAL").setRenewalDate(LocalDate.parse("2026-12-20"))
                                .setTrialEndsOn(LocalDate.parse("2027-01-09")).setUnusedDays(0).setTermDays(365)
                                .setAmountPaid(eur("144.00")).setCredit(eur("0.00")).build()))
                .setTotalCredit(eur("88.77")).build();
    }

    private static EventMeta meta() {
        return EventMeta.newBuilder().setEventId("e").setOccurredAt(Instant.parse("2027-01-01T00:05:00Z"))
                .setProducer("test").build();
    }

    static io.channelhub.common.event.Money eur(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "EUR"));
    }

    static io.channelhub.common.event.Money usd(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "USD"));
    }
}
