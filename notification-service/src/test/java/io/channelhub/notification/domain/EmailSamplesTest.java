package io.channelhub.notification.domain;

import static io.channelhub.notification.TestEvents.EXPIRES;
import static io.channelhub.notification.TestEvents.PLANNER;
import static io.channelhub.notification.TestEvents.T0;
import static io.channelhub.notification.TestEvents.namedDetails;
import static io.channelhub.notification.TestEvents.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceLine;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.migration.event.MigratedOrder;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.TrialEnding;
import io.channelhub.notification.TestEvents;
import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.reseller.event.Licence;
import io.channelhub.reseller.event.ResellerAccountOpened;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.reseller.event.ResellerRequestRefused;
import io.channelhub.reseller.event.ResellerStatementIssued;
import io.channelhub.reseller.event.StatementLine;
import io.channelhub.reseller.event.TemporaryLicenceIssued;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRefused;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferReminded;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * One sample of every e-mail template, planned from an event as the service plans it (transfers whose offer and
 * accounts the directory names, issue 23). The test proves every
 * template has a sample, uses the shared layout, and (N3, D7, R7) that nothing a customer receives names a price,
 * a discount or a note. With {@code -Demail.samples.dir=<dir>} it also writes each sample's HTML and text there:
 * {@code ops/render-email-samples.sh} turns those into the PNGs under {@code docs/samples/emails/}.
 */
class EmailSamplesTest {

    private static final Contact ADA = new Contact("Ada Lovelace", "ada@acme.example");
    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void everyTemplateHasASampleInTheSharedLayoutAndCustomerEmailsShowNoPriceDiscountOrNote() throws Exception {
        Map<String, PlannedEmail> samples = samples();

        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(templateNames());
        for (PlannedEmail email : samples.values()) {
            EmailRenderer.Rendered body = renderer.render(email);
            assertThat(body.html()).as(email.template()).startsWith("<!DOCTYPE html>")
                    .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                            "max-width: 600px", ">Channel Hub</td>", "Hello")
                    .doesNotContain(" th:", "${", "null").endsWith("</html>\n");
            assertThat(body.html().indexOf("<body")).as("one body").isEqualTo(body.html().lastIndexOf("<body"));
            // greeted by name, or plainly where the event names nobody: never by an id
            assertThat(body.text()).as(email.template()).startsWith("Hello").doesNotStartWith("Hello R-")
                    .doesNotContain("[(", "[#", "null");
            if (email.customerFacing()) {
                assertThat(body.text() + visibleText(body.html())).as(email.template())
                        .doesNotContainIgnoringCase("price").doesNotContainIgnoringCase("discount")
                        .doesNotContainIgnoringCase("note").doesNotContain("%", "€", "$", "USD", "EUR", "979", "900");
            }
        }
        assertThat(samples.values()).filteredOn(PlannedEmail::customerFacing).extracting(PlannedEmail::template)
                .contains(TransferEmails.CONSENT_REQUEST, TransferEmails.COMPLETED, ResellerEmails.CUSTOMER_LICENCE);
        // issue 23: the migration's e-mails greet the reseller and name the customer, the account id beside it
        assertThat(List.of(MigrationEmails.TRIAL_ENDING, MigrationEmails.SUSPENDED, MigrationEmails.CONFIRMED))
                .allSatisfy(template -> assertThat(renderer.render(samples.get(template)).text())
                        .startsWith("Hello Reseller One,\n").contains("Acme Corp (BA-ACME)"));
        assertThat(List.of(ResellerEmails.REFUSED, ResellerEmails.TEMPORARY)).allSatisfy(template -> {
                    assertThat(renderer.render(samples.get(template)).text()).startsWith("Hello,\n");
                    assertThat(samples.get(template).toName()).isNull();
                });
        writeWhenAsked(samples);
    }

    /** The first e-mail each event plans, per template; the customer's copy where the customer gets one. */
    private static Map<String, PlannedEmail> samples() {
        BigDecimal ten = new BigDecimal("10.00");
        List<SpecificRecord> events = List.of(
                new TransferOpened(meta("s-1"), namedDetails("E-1"), T0.plusSeconds(3 * 86400), EXPIRES),
                new TransferReminded(meta("s-2"), namedDetails("E-1"), namedDetails("E-1").getParties().subList(0, 1),
                        EXPIRES),
                new TransferCompleted(meta("s-3"), namedDetails("E-1")),
                new TransferRejected(meta("s-4"), namedDetails("E-1"), namedDetails("E-1").getParties().get(1)),
                new TransferExpired(meta("s-5"), "T-E-1", "E-1", namedDetails("E-1"), ADA,
                        namedDetails("E-1").getParties().subList(3, 4)),
                new TransferInfoRequested(meta("s-6"), "T-E-2", "E-2", ADA,
                        List.of(new Problem("offerId", "MISSING", "Please provide the offer ID."))),
                new TransferRefused(meta("s-7"), "T-E-3", "E-1", ADA, "TRANSFER_ALREADY_OPEN",
                        "Entitlement E-1 already has an open transfer.", "T-E-1"),
                new DiscountProposed(meta("s-8"), DiscountEmailsTest.terms(), T0),
                new DiscountAccepted(meta("s-9"), DiscountEmailsTest.terms(), T0),
                new DiscountLapsed(meta("s-10"), DiscountEmailsTest.terms(), DiscountEmailsTest.START),
                new DiscountCancelled(meta("s-11"), DiscountEmailsTest.terms(), DiscountEmailsTest.START, true),
                new DiscountEnded(meta("s-12"), DiscountEmailsTest.terms(), DiscountEmailsTest.END),
                TestEvents.invoice(),
                new PrepaidInvoiceIssued(meta("s-23"), "PI-2026-0001", "R-1", "2026-10",
                        List.of(new PrepaidInvoiceLine("PO-1", "SKU-PRO", 2, eur("300.00"))), eur("300.00"),
                        "Reseller One", "billing@r1.example"),
                new MigrationCompleted(meta("s-13"), "R-1", "Reseller One", "billing@r1.example", T0,
                        List.of(new MigratedOrder("PO-1", "BA-ACME", "SKU-PRO", "ANNUAL", LocalDate.parse("2027-03-01"),
                                null, 98, 365, usd("365.00"), usd("98.00"), "Acme Corp")), usd("98.00")),
                new TrialEnding(meta("s-14"), "R-1", "billing@r1.example", "PO-2", "BA-ACME",
                        LocalDate.parse("2026-12-20"), "Reseller One", "Acme Corp"),
                new CustomerSuspended(meta("s-15"), "R-1", "billing@r1.example", "PO-2", "BA-ACME", "Reseller One",
                        "Acme Corp"),
                new ResellerAccountOpened(meta("s-16"), "R-1", "Reseller One", "orders@r1.example", ten),
                new ResellerRequestRefused(meta("s-17"), "cmd-1", "R-1", "O-2", List.of("CARD_PAYMENT_REFUSED"),
                        "Reseller orders are paid by wire transfer only.", "orders@r1.example"),
                new ResellerOrderAccepted(meta("s-18"), ResellerEmailsTest.order(), true, "FIRST_ORDERS"),
                new ResellerOrderReleased(meta("s-19"), ResellerEmailsTest.order(),
                        List.of(new Licence("SKU-PRO", "KEY-7Q2M-4XZP")), "customer:it@acme.example"),
                new TemporaryLicenceIssued(meta("s-20"), "R-1", "orders@r1.example", "O-1",
                        List.of(new Licence("SKU-PRO", "TEMP-91KD")), LocalDate.parse("2026-12-20")),
                new ResellerStatementIssued(meta("s-21"), "R-1", "Reseller One", "orders@r1.example", "2026-12",
                        "USD", List.of(new StatementLine("O-1", LocalDate.parse("2026-10-05"),
                                LocalDate.parse("2026-11-04"), usd("979.88"), 27, usd("8.70"))), usd("988.58"),
                        true));
        Map<String, PlannedEmail> byTemplate = new LinkedHashMap<>();
        events.stream().flatMap(event -> PLANNER.plan(event, TestEvents.WRITTEN,
                        EmailPlanner.awaitedDocument(event).map(TestEvents::numbered).orElse(null)).stream())
                .sorted((a, b) -> Boolean.compare(b.customerFacing(), a.customerFacing()))
                .forEach(email -> byTemplate.putIfAbsent(email.template(), email));
        return byTemplate;
    }

    /** Every template pair under templates/email/, by name; shared/ holds pieces, not e-mails. */
    private static List<String> templateNames() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(EmailRenderer.class.getClassLoader()
                .getResource("templates/email")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".html"))
                    .map(name -> name.substring(0, name.length() - ".html".length())).toList();
        }
    }

    private void writeWhenAsked(Map<String, PlannedEmail> samples) throws IOException {
        String dir = System.getProperty("email.samples.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path out = Files.createDirectories(Path.of(dir));
        for (PlannedEmail email : samples.values()) {
            EmailRenderer.Rendered body = renderer.render(email);
            Files.writeString(out.resolve(email.template() + ".html"), body.html(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(email.template() + ".txt"), "Subject: " + email.subject() + "\n\n"
                    + body.text(), StandardCharsets.UTF_8);
        }
    }

    /** What a reader sees of the HTML: no tags, no style sheet (whose "width: 100%" is no price). */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]*>", "");
    }

    private static io.channelhub.common.event.Money usd(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "USD"));
    }

    private static io.channelhub.common.event.Money eur(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "EUR"));
    }
}
