package io.channelhub.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.channelhub.billing.BillingServiceApplication;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionRefused;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidOrderRecorded;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.platform.testing.MoneyInJson;
import io.channelhub.platform.testing.TestTokens;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.PaymentMethod;
import io.channelhub.reseller.event.ResellerApplicationSubmitted;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.reseller.event.ResellerOrderRequested;
import io.channelhub.reseller.event.ResellerPaymentReceived;
import io.channelhub.schemas.Topics;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10 for billing-service's HTTP API, on the embedded broker with one context: every endpoint refuses a
 * caller without a valid token (401), refuses another party (403; 404 for an invoice by id, whose existence must
 * not leak), and answers its party and operators with that party's data only. The data is made the way upstream
 * makes it: a payer's annual plan invoiced for two months (B4) and credited once, the ISV's payout statement and
 * its supplement (D6), reseller programme orders (R2–R7) and a migration (B5, B6).
 */
@SpringBootTest(classes = BillingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillingEndpointsTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String MARCH = "2030-03";
    static final String APRIL = "2030-04";
    /** A payer and an ISV whose {@code <id>|2030-03} keys hash to another partition than the ids themselves. */
    static final String PAYER = keyedElsewhere("R-" + RUN);
    static final String ISV = keyedElsewhere("ISV-" + RUN);
    static final String OTHER_RESELLER = "R2-" + RUN;
    static final String OTHER_ISV = "ISV2-" + RUN;
    static final String MIGRATED = "M-" + RUN;
    static final String CUSTOMER = "C-" + RUN;
    static final String CUSTOMER_MAIL = "it@c-" + RUN + ".example";
    static final String OTHER_CUSTOMER = "C2-" + RUN;
    static final String OTHER_CUSTOMER_MAIL = "it@c2-" + RUN + ".example";
    static final String SKU = "SKU-" + RUN;
    static final String OPERATOR = "ops-" + RUN;
    /** Decimals as written, so "to the cent" is checked too. */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    static KafkaTestClient kafka;
    static Billed billed;

    /** What driving billing produced, for the endpoints to be compared with. */
    record Billed(InvoiceIssued march, InvoiceIssued april, List<PayoutStatementIssued> statements,
            Map<String, String> licenceKeys, CreditNoteIssued creditNote) {
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void referenceData() {
        kafka = KafkaTestClient.embedded().createTopics();
        Instant now = Instant.now();
        for (String reseller : List.of(PAYER, OTHER_RESELLER, MIGRATED)) {
            kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + reseller, new ResellerRegistered(meta(now), reseller,
                    "Reseller " + reseller, "billing@" + reseller.toLowerCase() + ".example", "IT",
                    List.of("1 Via Roma", "00100 Roma"), 45));
        }
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:" + ISV, new IsvRegistered(meta(now), ISV, "Vendor",
                "partners@isv.example", true));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:A1-" + RUN, new BillingAccountRegistered(meta(now), "A1-" + RUN,
                CUSTOMER, "Customer One", CUSTOMER_MAIL, PAYER, null));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:A2-" + RUN, new BillingAccountRegistered(meta(now), "A2-" + RUN,
                OTHER_CUSTOMER, "Customer Two", OTHER_CUSTOMER_MAIL, PAYER, null));
        kafka.send(Topics.PRICES_EVENTS, "price:" + SKU + ":ANNUAL", new PriceListed(meta(now), SKU, ISV,
                BillingPlan.ANNUAL, AvroMoney.toAvro(Money.of("150.00", "EUR")), null));
        kafka.send(Topics.PRICES_EVENTS, "margin:" + PAYER, new ResellerMarginSet(meta(now), PAYER,
                new BigDecimal("20.00")));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    // issue 10: no token, an expired one, or one of an issuer nobody trusts -> 401 problem, on every endpoint
    @Test
    void everyEndpointRefusesACallerWithoutAValidToken() throws Exception {
        for (String path : List.of("/payers/" + PAYER + "/invoices/" + MARCH, "/payers/" + PAYER + "/invoices/"
                + MARCH + "/pdf", "/invoices/INV-" + RUN, "/payers/" + MIGRATED + "/migration/credit-statement.csv",
                "/isvs/" + ISV + "/payout-statements/" + MARCH, "/resellers/" + PAYER + "/orders",
                "/customers/" + CUSTOMER + "/orders", "/payers/" + PAYER + "/credit-notes/CN-" + RUN + "/pdf",
                "/payers/" + PAYER + "/credit-notes/CN-" + RUN, "/resellers/" + PAYER + "/orders/O1-" + RUN
                + "/invoice", "/resellers/" + PAYER + "/orders/O1-" + RUN + "/invoice/pdf",
                "/payers/" + MIGRATED + "/migration/credit-statement.pdf")) {
            assertProblem(get(path, null), 401, "UNAUTHENTICATED");
            assertProblem(get(path, "Bearer " + TestTokens.expired(PartyKind.OPERATOR, OPERATOR)), 401,
                    "INVALID_TOKEN");
            assertProblem(get(path, "Bearer " + TestTokens.foreign(PartyKind.OPERATOR, OPERATOR)), 401,
                    "INVALID_TOKEN");
        }
    }

    // issue 10: the path names the party, so another party (of any kind) is refused plainly
    @Test
    void anotherPartyIsRefused() throws Exception {
        String otherReseller = TestTokens.bearer(PartyKind.RESELLER, OTHER_RESELLER);
        assertProblem(get("/payers/" + PAYER + "/invoices/" + MARCH, otherReseller), 403, "FORBIDDEN");
        assertProblem(get("/payers/" + PAYER + "/invoices/" + MARCH + "/pdf", otherReseller), 403, "FORBIDDEN");
        // the ISV whose product is invoiced is not the payer either
        assertProblem(get("/payers/" + PAYER + "/invoices/" + MARCH, TestTokens.bearer(PartyKind.ISV, ISV)), 403,
                "FORBIDDEN");
        assertProblem(get("/payers/" + MIGRATED + "/migration/credit-statement.csv", otherReseller), 403,
                "FORBIDDEN");
        assertProblem(get("/payers/" + MIGRATED + "/migration/credit-statement.pdf", otherReseller), 403,
                "FORBIDDEN");
        assertProblem(get("/payers/" + PAYER + "/credit-notes/CN-" + RUN + "/pdf", otherReseller), 403, "FORBIDDEN");
        assertProblem(get("/resellers/" + PAYER + "/orders/O1-" + RUN + "/invoice/pdf", otherReseller), 403,
                "FORBIDDEN");
        assertProblem(get("/isvs/" + ISV + "/payout-statements/" + MARCH, TestTokens.bearer(PartyKind.ISV,
                OTHER_ISV)), 403, "FORBIDDEN");
        // a reseller whose invoice fed the statement, and a party of another kind with the ISV's id
        assertProblem(get("/isvs/" + ISV + "/payout-statements/" + MARCH, TestTokens.bearer(PartyKind.RESELLER,
                PAYER)), 403, "FORBIDDEN");
        assertProblem(get("/isvs/" + ISV + "/payout-statements/" + MARCH, TestTokens.bearer(PartyKind.RESELLER,
                ISV)), 403, "FORBIDDEN");
        assertProblem(get("/resellers/" + PAYER + "/orders", otherReseller), 403, "FORBIDDEN");
        assertProblem(get("/resellers/" + PAYER + "/orders", TestTokens.bearer(PartyKind.CUSTOMER, CUSTOMER)), 403,
                "FORBIDDEN");
        assertProblem(get("/customers/" + CUSTOMER + "/orders", TestTokens.bearer(PartyKind.CUSTOMER,
                OTHER_CUSTOMER)), 403, "FORBIDDEN");
        // the reseller that shipped to the customer reads its orders on its own endpoint, not the customer's
        assertProblem(get("/customers/" + CUSTOMER + "/orders", TestTokens.bearer(PartyKind.RESELLER, PAYER)), 403,
                "FORBIDDEN");
    }

    // issue 18: kind and id together name a party. Every endpoint, as every kind of caller bearing its owner's id:
    // only the owner's own kind (and operators) read it; any other kind is refused as any other party is
    @Test
    void everyEndpointAsEveryKindWithItsOwnersId() throws Exception {
        String invoiceId = billed().march().getInvoiceId();
        String creditNoteId = numbered(billed().creditNote().getCreditNoteId()).getDocumentId();
        numbered("O1-" + RUN);
        Map<String, Party> owners = new LinkedHashMap<>();
        owners.put("/payers/" + PAYER + "/invoices/" + MARCH, Party.reseller(PAYER));
        owners.put("/payers/" + PAYER + "/invoices/" + MARCH + "/pdf", Party.reseller(PAYER));
        owners.put("/invoices/" + invoiceId, Party.reseller(PAYER));
        owners.put("/payers/" + MIGRATED + "/migration/credit-statement.csv", Party.reseller(MIGRATED));
        owners.put("/payers/" + MIGRATED + "/migration/credit-statement.pdf", Party.reseller(MIGRATED));
        owners.put("/payers/" + PAYER + "/credit-notes/" + creditNoteId, Party.reseller(PAYER));
        owners.put("/payers/" + PAYER + "/credit-notes/" + creditNoteId + "/pdf", Party.reseller(PAYER));
        owners.put("/resellers/" + PAYER + "/orders/O1-" + RUN + "/invoice", Party.reseller(PAYER));
        owners.put("/resellers/" + PAYER + "/orders/O1-" + RUN + "/invoice/pdf", Party.reseller(PAYER));
        owners.put("/isvs/" + ISV + "/payout-statements/" + MARCH, Party.isv(ISV));
        owners.put("/resellers/" + PAYER + "/orders", Party.reseller(PAYER));
        owners.put("/customers/" + CUSTOMER + "/orders", Party.customer(CUSTOMER));
        for (Map.Entry<String, Party> endpoint : owners.entrySet()) {
            String path = endpoint.getKey();
            Party owner = endpoint.getValue();
            for (PartyKind kind : PartyKind.values()) {
                HttpResponse<String> response = get(path, TestTokens.bearer(kind, owner.id()));
                if (kind == owner.kind() || kind == PartyKind.OPERATOR) {
                    assertThat(response.statusCode()).as(kind + " " + path).isEqualTo(200);
                } else if (path.startsWith("/invoices/")) {
                    // by id alone: not found, exactly as for an id nobody issued
                    assertProblem(response, 404, "UNKNOWN_INVOICE");
                } else {
                    assertProblem(response, 403, "FORBIDDEN");
                }
            }
        }
    }

    // issue 10, B4: the payer and operators read its invoices; both months are found, though the key of one
    // extends the payer into another partition than the payer's own (the locate-by-whole-key bug)
    @Test
    void thePayerReadsItsInvoicesOfEveryMonth() throws Exception {
        Billed data = billed();
        assertThat(partition(PAYER + "|" + MARCH)).as("the test's premise").isNotEqualTo(partition(PAYER));
        String payer = TestTokens.bearer(PartyKind.RESELLER, PAYER);
        for (InvoiceIssued invoice : List.of(data.march(), data.april())) {
            HttpResponse<String> response = get("/payers/" + PAYER + "/invoices/" + invoice.getMonth(), payer);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode view = JSON.readTree(response.body());
            assertThat(view.get("invoiceId").asString()).isEqualTo(invoice.getInvoiceId());
            assertThat(view.get("payerId").asString()).isEqualTo(PAYER);
            assertThat(amount(view.get("totalDue"))).isEqualTo("100.00");
            // issue 23: the document the PDF prints, in the JSON too: issuer, totals, the wire transfer to make (R3)
            JsonNode document = view.get("document");
            assertThat(document.get("issuer").get("name").asString()).isEqualTo("Channel Hub Marketplace B.V.");
            assertThat(amount(document.get("payment").get("amount"))).isEqualTo("100.00");
            assertThat(document.get("payment").get("iban").asString()).isNotBlank();
            assertThat(amount(document.get("totals").get(document.get("totals").size() - 1).get("amount")))
                    .isEqualTo("100.00");
            // once numbered: the human number, the due date after the payer's 45 days, its address (issue 23)
            DocumentNumbered numbered = await(DocumentNumbered.class,
                    n -> n.getDocumentId().equals(invoice.getInvoiceId()));
            assertThat(numbered.getNumber()).matches("CH-\\d{4}-\\d{6}");
            JsonNode now = JSON.readTree(get("/payers/" + PAYER + "/invoices/" + invoice.getMonth(), payer).body())
                    .get("document");
            assertThat(now.get("number").asString()).isEqualTo(numbered.getNumber());
            assertThat(now.get("payment").get("reference").asString()).isEqualTo(numbered.getNumber());
            assertThat(now.get("payment").get("dueOn").asString()).isEqualTo(numbered.getIssuedOn().plusDays(45)
                    .toString());
            assertThat(now.get("billTo").get("address").toString()).contains("1 Via Roma");
            // the marketplace's margin and the ISV's payout stay off the payer's invoice
            assertThat(response.body()).doesNotContain("revenueShare", "payout", "isvPayout");
        }
        HttpResponse<byte[]> pdf = bytes("/payers/" + PAYER + "/invoices/" + MARCH + "/pdf", payer);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String operator = TestTokens.bearer(PartyKind.OPERATOR, OPERATOR);
        assertThat(get("/payers/" + PAYER + "/invoices/" + APRIL, operator).statusCode()).isEqualTo(200);
        assertThat(bytes("/payers/" + PAYER + "/invoices/" + APRIL + "/pdf", operator).statusCode()).isEqualTo(200);
        assertProblem(get("/payers/" + PAYER + "/invoices/2030-02", payer), 404, "UNKNOWN_INVOICE");
        assertProblem(get("/payers/" + PAYER + "/invoices/2030-3", payer), 400, "MALFORMED_MONTH");
    }

    // issue 10, B4: by id, another party's invoice is answered exactly as an id nobody issued
    @Test
    void anInvoiceByIdIsItsPayersAndDoesNotExistForAnyoneElse() throws Exception {
        String invoiceId = billed().march().getInvoiceId();
        HttpResponse<String> own = get("/invoices/" + invoiceId, TestTokens.bearer(PartyKind.RESELLER, PAYER));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).get("invoiceId").asString()).isEqualTo(invoiceId);
        assertThat(own.body()).doesNotContain("revenueShare", "payout");
        assertThat(get("/invoices/" + invoiceId, TestTokens.bearer(PartyKind.OPERATOR, OPERATOR)).statusCode())
                .isEqualTo(200);

        String unknownId = "INV-UNKNOWN-" + RUN;
        JsonNode unknown = sameShape(get("/invoices/" + unknownId, TestTokens.bearer(PartyKind.RESELLER, PAYER)),
                unknownId);
        for (String other : List.of(TestTokens.bearer(PartyKind.RESELLER, OTHER_RESELLER),
                TestTokens.bearer(PartyKind.ISV, ISV), TestTokens.bearer(PartyKind.CUSTOMER, CUSTOMER))) {
            assertThat(sameShape(get("/invoices/" + invoiceId, other), invoiceId)).isEqualTo(unknown);
        }
    }

    // B7 (issue 21): the migration month's prepaid invoice is the reseller's by id too, like its postpaid ones
    @Test
    void theMigrationMonthsPrepaidInvoiceIsFoundById() throws Exception {
        billed();
        tick(MIGRATED, "2030-06-01T00:00:30Z");
        PrepaidInvoiceIssued prepaid = await(PrepaidInvoiceIssued.class, i -> i.getResellerId().equals(MIGRATED));
        String path = "/invoices/" + prepaid.getInvoiceId();
        HttpResponse<String> own = get(path, TestTokens.bearer(PartyKind.RESELLER, MIGRATED));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(own.body());
        assertThat(view.get("kind").asString()).isEqualTo("PREPAID");
        assertThat(view.get("month").asString()).isEqualTo("2030-05");
        assertThat(view.get("lines").get(0).get("orderId").asString()).isEqualTo("MP2-" + RUN);
        assertThat(amount(view.get("total"))).isEqualTo("120.00");
        assertThat(get(path, TestTokens.bearer(PartyKind.OPERATOR, OPERATOR)).statusCode()).isEqualTo(200);
        assertProblem(get(path, TestTokens.bearer(PartyKind.RESELLER, PAYER)), 404, "UNKNOWN_INVOICE");

        // issue 23: as a PDF too, with the number numbering gave it and the wire transfer to make (R3)
        DocumentNumbered numbered = await(DocumentNumbered.class,
                n -> n.getDocumentId().equals(prepaid.getInvoiceId()));
        HttpResponse<byte[]> pdf = bytes(path + "/pdf", TestTokens.bearer(PartyKind.RESELLER, MIGRATED));
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains("No. " + numbered.getNumber(), "MP2-" + RUN, "120.00",
                "Reference to quote with your transfer: " + numbered.getNumber()).doesNotContain("-0.00");
        assertProblem(get(path + "/pdf", TestTokens.bearer(PartyKind.RESELLER, PAYER)), 404, "UNKNOWN_INVOICE");
    }

    // issue 10, B6: the migrated reseller's credit statement
    @Test
    void theMigratedResellerReadsItsCreditStatement() throws Exception {
        billed();
        for (String token : List.of(TestTokens.bearer(PartyKind.RESELLER, MIGRATED),
                TestTokens.bearer(PartyKind.OPERATOR, OPERATOR))) {
            HttpResponse<String> csv = get("/payers/" + MIGRATED + "/migration/credit-statement.csv", token);
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/csv"));
            assertThat(csv.body()).contains("MP-" + RUN);
        }
        assertProblem(get("/payers/" + PAYER + "/migration/credit-statement.csv",
                TestTokens.bearer(PartyKind.RESELLER, PAYER)), 404, "NOT_MIGRATED");
    }

    // issue 23, B1, B4, R2, B6: every document type downloads as a PDF: the monthly invoice names its instalment,
    // the credit note and the order's invoice carry their numbers, the credit statement lists the migrated order
    @Test
    void everyDocumentDownloadsAsItsPdf() throws Exception {
        Billed data = billed();
        String payer = TestTokens.bearer(PartyKind.RESELLER, PAYER);
        assertThat(pdfText("/payers/" + PAYER + "/invoices/" + MARCH + "/pdf", payer))
                .contains("Annual plan, instalment 1 of 12");

        DocumentNumbered note = numbered(data.creditNote().getCreditNoteId());
        DocumentNumbered invoice = numbered(data.march().getInvoiceId());
        assertThat(note.getNumber()).matches("CH-CN-\\d{4}-\\d{6}");
        String path = "/payers/" + PAYER + "/credit-notes/" + note.getDocumentId() + "/pdf";
        assertThat(pdfText(path, payer)).contains("Credit note", "No. " + note.getNumber(),
                "Credits invoice: " + invoice.getNumber(), "Reseller " + PAYER, "1 Via Roma",
                "Total credited " + cents(data.creditNote().getTotal())).doesNotContain("How to pay");
        assertThat(bytes(path, TestTokens.bearer(PartyKind.OPERATOR, OPERATOR)).statusCode()).isEqualTo(200);
        // the same document as JSON (D-98): its number, and its total as money (D-100)
        JsonNode json = JSON.readTree(get("/payers/" + PAYER + "/credit-notes/" + note.getDocumentId(), payer)
                .body());
        assertThat(json.get("number").asString()).isEqualTo(note.getNumber());
        assertThat(amount(json.get("totals").get(0).get("amount"))).isEqualTo(cents(data.creditNote().getTotal()));
        assertThat(json.get("payment").isNull()).isTrue();
        // another payer's credit note under its own path: not found, as an id nobody issued
        String other = TestTokens.bearer(PartyKind.RESELLER, OTHER_RESELLER);
        assertProblem(get("/payers/" + OTHER_RESELLER + "/credit-notes/" + note.getDocumentId() + "/pdf", other),
                404, "UNKNOWN_CREDIT_NOTE");
        assertProblem(get("/payers/" + PAYER + "/credit-notes/" + invoice.getDocumentId() + "/pdf", payer), 404,
                "UNKNOWN_CREDIT_NOTE");

        DocumentNumbered order = numbered("O1-" + RUN);
        assertThat(pdfText("/resellers/" + PAYER + "/orders/O1-" + RUN + "/invoice/pdf", payer)).contains(
                "No. " + order.getNumber(), "SHIP TO", "Customer One", "Total due", "Reference to quote with your"
                + " transfer: " + order.getNumber()).doesNotContain("-0.00");
        assertProblem(get("/resellers/" + OTHER_RESELLER + "/orders/O1-" + RUN + "/invoice/pdf", other), 404,
                "UNKNOWN_ORDER");
        JsonNode orderJson = JSON.readTree(get("/resellers/" + PAYER + "/orders/O1-" + RUN + "/invoice", payer)
                .body());
        assertThat(orderJson.get("payment").get("reference").asString()).isEqualTo(order.getNumber());
        assertThat(orderJson.get("shipTo").get("name").asString()).isEqualTo("Customer One");

        String statement = pdfText("/payers/" + MIGRATED + "/migration/credit-statement.pdf",
                TestTokens.bearer(PartyKind.RESELLER, MIGRATED));
        assertThat(statement).contains("Migration credit statement", "No. MCS-" + MIGRATED, "MP-" + RUN,
                "Reseller " + MIGRATED, "Migration credit earned").doesNotContain("How to pay", "-0.00");
        assertProblem(get("/payers/" + PAYER + "/migration/credit-statement.pdf", payer), 404, "NOT_MIGRATED");
    }

    // issue 10, D6: the ISV reads the month's statement and its supplement, as issued, to the cent
    @Test
    void theIsvReadsItsPayoutStatementsOfAMonth() throws Exception {
        Billed data = billed();
        assertThat(partition(ISV + "|" + MARCH)).as("the test's premise").isNotEqualTo(partition(ISV));
        for (String token : List.of(TestTokens.bearer(PartyKind.ISV, ISV),
                TestTokens.bearer(PartyKind.OPERATOR, OPERATOR))) {
            HttpResponse<String> response = get("/isvs/" + ISV + "/payout-statements/" + MARCH, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode list = JSON.readTree(response.body());
            assertThat(list).hasSize(2);
            for (int i = 0; i < 2; i++) {
                PayoutStatementIssued issued = data.statements().get(i);
                JsonNode view = list.get(i);
                assertThat(view.get("statementId").asString()).isEqualTo(issued.getStatementId());
                assertThat(view.get("sequence").asInt()).isEqualTo(i + 1);
                assertThat(Instant.parse(view.get("issuedAt").asString())).isEqualTo(issued.getMeta()
                        .getOccurredAt());
                assertThat(view.get("currency").asString()).isEqualTo("EUR");
                assertThat(StreamSupport.stream(view.get("invoiceIds").spliterator(), false)
                        .map(JsonNode::asString).toList()).isEqualTo(issued.getInvoiceIds());
                assertThat(Stream.of("gross", "discount", "net", "revenueShare", "payout")
                        .map(field -> amount(view.get(field)))).isEqualTo(Stream.of(issued.getGross(),
                        issued.getDiscount(), issued.getNet(), issued.getRevenueShare(), issued.getPayout())
                        .map(BillingEndpointsTest::cents).toList());
            }
            // 10 licences x (150.00 - 20%) / 12 = 100.00; then the credit note takes the line back
            assertThat(amount(list.get(0).get("gross"))).isEqualTo("100.00");
            assertThat(amount(list.get(1).get("gross"))).isEqualTo("-100.00");
        }
        assertProblem(get("/isvs/" + ISV + "/payout-statements/" + APRIL, TestTokens.bearer(PartyKind.ISV, ISV)),
                404, "NO_STATEMENT");
        assertProblem(get("/isvs/" + ISV + "/payout-statements/march", TestTokens.bearer(PartyKind.ISV, ISV)), 400,
                "MALFORMED_MONTH");
    }

    // issue 10, R2-R6: the reseller reads its own orders with their money; not another reseller's
    @Test
    void theResellerReadsItsOrdersWithTheirMoney() throws Exception {
        Billed data = billed();
        for (String token : List.of(TestTokens.bearer(PartyKind.RESELLER, PAYER),
                TestTokens.bearer(PartyKind.OPERATOR, OPERATOR))) {
            HttpResponse<String> response = get("/resellers/" + PAYER + "/orders", token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode orders = JSON.readTree(response.body());
            assertThat(ids(orders)).containsExactly("O1-" + RUN, "O2-" + RUN);
            JsonNode paid = orders.get(0);
            assertThat(paid.get("status").asString()).isEqualTo("PAID");
            assertThat(paid.get("shipTo").get("name").asString()).isEqualTo("Customer One");
            assertThat(paid.get("currency").asString()).isEqualTo("EUR");
            // 2 x 500.00 = 1000.00, the reseller's 10% off -> 900.00, no sales tax outside the US (R6)
            assertThat(amount(paid.get("lines").get(0).get("retailUnitPrice"))).isEqualTo("500.00");
            assertThat(Stream.of("subtotal", "discount", "net", "salesTax", "total", "interestCharged")
                    .map(field -> amount(paid.get(field))))
                    .containsExactly("1000.00", "100.00", "900.00", "0.00", "900.00", "0.00");
            assertThat(paid.get("paidAt").isNull()).isFalse();
            assertThat(paid.get("licences").get(0).get("licenceKey").asString())
                    .isEqualTo(data.licenceKeys().get("O1-" + RUN));
            assertThat(orders.get(1).get("status").asString()).isEqualTo("HELD_UNTIL_PAID");
            assertThat(orders.get(1).get("licences")).isEmpty();
        }
        assertProblem(get("/resellers/R-NONE-" + RUN + "/orders", TestTokens.bearer(PartyKind.OPERATOR, OPERATOR)),
                404, "NO_RESELLER_ACCOUNT");
    }

    // issue 10, R2, R7: the customer reads the orders shipped to its e-mail by every reseller: licences, no money
    @Test
    void theCustomerReadsItsOrdersAndTheirLicencesWithoutAPrice() throws Exception {
        Billed data = billed();
        for (String token : List.of(TestTokens.bearer(PartyKind.CUSTOMER, CUSTOMER),
                TestTokens.bearer(PartyKind.OPERATOR, OPERATOR))) {
            HttpResponse<String> response = get("/customers/" + CUSTOMER + "/orders", token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode orders = JSON.readTree(response.body());
            // O1 from its own reseller, O3 from another one; not O2, shipped to another customer
            assertThat(ids(orders)).containsExactly("O1-" + RUN, "O3-" + RUN);
            for (JsonNode order : orders) {
                String id = order.get("orderId").asString();
                assertThat(order.get("licences")).singleElement().satisfies(licence -> {
                    assertThat(licence.get("sku").asString()).isEqualTo(SKU);
                    assertThat(licence.get("quantity").asInt()).isEqualTo(2);
                    assertThat(licence.get("licenceKey").asString()).isEqualTo(data.licenceKeys().get(id));
                });
            }
            assertNoMoney(orders);
            assertThat(response.body()).doesNotContain("unitPrice", "Price", "total", "amount", "net", "EUR",
                    "discount", "tax");
        }
        // a held order is listed without licences
        HttpResponse<String> other = get("/customers/" + OTHER_CUSTOMER + "/orders",
                TestTokens.bearer(PartyKind.CUSTOMER, OTHER_CUSTOMER));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        JsonNode held = JSON.readTree(other.body());
        assertThat(ids(held)).containsExactly("O2-" + RUN);
        assertThat(held.get(0).get("licences")).isEmpty();
        // a customer with no billing account, or whose e-mail no order names: an empty list
        assertThat(JSON.readTree(get("/customers/C-NONE-" + RUN + "/orders", TestTokens.bearer(PartyKind.CUSTOMER,
                "C-NONE-" + RUN)).body())).isEmpty();
    }

    // issue 23 (D-100): every JSON view and every problem the service answers writes money the one way. The paths
    // walked are checked against the service's GET mappings, so an endpoint added later is walked or this fails
    @Test
    void everyViewAndProblemWritesMoneyOneWay() throws Exception {
        Billed data = billed();
        tick(MIGRATED, "2030-06-01T00:00:30Z");
        String prepaid = await(PrepaidInvoiceIssued.class, i -> i.getResellerId().equals(MIGRATED)).getInvoiceId();
        Map<String, List<String>> walks = new LinkedHashMap<>();
        walks.put("/payers/{payerId}/invoices/{month}", List.of("/payers/" + PAYER + "/invoices/" + MARCH,
                "/payers/" + PAYER + "/invoices/" + APRIL, "/payers/" + PAYER + "/invoices/2030-02",
                "/payers/" + PAYER + "/invoices/2030-3"));
        walks.put("/payers/{payerId}/invoices/{month}/pdf", List.of("/payers/" + PAYER + "/invoices/2030-02/pdf"));
        walks.put("/invoices/{invoiceId}", List.of("/invoices/" + data.march().getInvoiceId(),
                "/invoices/" + prepaid, "/invoices/INV-UNKNOWN-" + RUN));
        // its problems only: a PDF has no JSON to walk
        walks.put("/invoices/{invoiceId}/pdf", List.of("/invoices/INV-UNKNOWN-" + RUN + "/pdf"));
        walks.put("/payers/{resellerId}/migration/credit-statement.csv",
                List.of("/payers/" + PAYER + "/migration/credit-statement.csv"));
        walks.put("/payers/{resellerId}/migration/credit-statement.pdf",
                List.of("/payers/" + PAYER + "/migration/credit-statement.pdf"));
        String creditNote = numbered(data.creditNote().getCreditNoteId()).getDocumentId();
        numbered("O1-" + RUN);
        walks.put("/payers/{payerId}/credit-notes/{creditNoteId}", List.of("/payers/" + PAYER + "/credit-notes/"
                + creditNote, "/payers/" + PAYER + "/credit-notes/CN-UNKNOWN-" + RUN));
        walks.put("/resellers/{resellerId}/orders/{orderId}/invoice", List.of("/resellers/" + PAYER + "/orders/O1-"
                + RUN + "/invoice", "/resellers/" + PAYER + "/orders/O-UNKNOWN-" + RUN + "/invoice"));
        walks.put("/payers/{payerId}/credit-notes/{creditNoteId}/pdf",
                List.of("/payers/" + PAYER + "/credit-notes/CN-UNKNOWN-" + RUN + "/pdf"));
        walks.put("/resellers/{resellerId}/orders/{orderId}/invoice/pdf",
                List.of("/resellers/" + PAYER + "/orders/O-UNKNOWN-" + RUN + "/invoice/pdf"));
        walks.put("/isvs/{isvId}/payout-statements/{month}", List.of("/isvs/" + ISV + "/payout-statements/" + MARCH,
                "/isvs/" + ISV + "/payout-statements/2030-01"));
        walks.put("/resellers/{resellerId}/orders", List.of("/resellers/" + PAYER + "/orders",
                "/resellers/R-NONE-" + RUN + "/orders"));
        walks.put("/customers/{customerId}/orders", List.of("/customers/" + CUSTOMER + "/orders"));
        assertThat(walks.keySet()).as("every GET endpoint of billing-service").containsExactlyInAnyOrderElementsOf(
                getMappings());

        String operator = TestTokens.bearer(PartyKind.OPERATOR, OPERATOR);
        List<String> views = new ArrayList<>();
        for (String path : walks.values().stream().flatMap(List::stream).toList()) {
            HttpResponse<String> response = get(path, operator);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).containsAnyOf("application/json", "application/problem+json"));
            MoneyInJson.assertOneWay(path + " (" + response.statusCode() + ")", JSON.readTree(response.body()));
            if (response.statusCode() == 200) {
                views.add(path);
            }
        }
        // a refused caller's problem too
        MoneyInJson.assertOneWay("a 403", JSON.readTree(get("/isvs/" + ISV + "/payout-statements/" + MARCH,
                TestTokens.bearer(PartyKind.ISV, OTHER_ISV)).body()));
        assertThat(views).as("views answered, not only problems").hasSize(9);
    }

    /** The GET paths billing-service's own controllers map. */
    private Set<String> getMappings() {
        Set<String> paths = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("io.channelhub.billing")
                    && info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                paths.addAll(info.getPatternValues());
            }
        });
        return paths;
    }

    /**
     * Drives billing once for every test: the payer's plan invoiced for March and April, March credited, the ISV's
     * statement and supplement; reseller programme orders; a migration.
     */
    static synchronized Billed billed() {
        if (billed != null) {
            return billed;
        }
        kafka.await(ReferenceTable.tableTopic(BillingTopology.SERVICE, Topics.DIRECTORY_EVENTS),
                BillingAccountRegistered.class, a -> a.getCustomerId().equals(OTHER_CUSTOMER), 1, WAIT);
        kafka.await(ReferenceTable.tableTopic(BillingTopology.SERVICE, Topics.PRICES_EVENTS), ResellerMarginSet.class,
                m -> m.getResellerId().equals(PAYER), 1, WAIT);
        // R1, R2, R3: two resellers; orders to both customers' e-mails (one written in capitals), two paid by wire
        for (String reseller : List.of(PAYER, OTHER_RESELLER)) {
            sendToProgramme(reseller, new ResellerApplicationSubmitted(at("2030-03-02T09:00:00Z"), reseller, "Reseller",
                    "orders@" + reseller.toLowerCase() + ".example", "GB", null, "SOFTWARE_RESELLER"));
        }
        order(PAYER, "O1-" + RUN, "Customer One", CUSTOMER_MAIL.toUpperCase());
        order(PAYER, "O2-" + RUN, "Customer Two", OTHER_CUSTOMER_MAIL);
        order(OTHER_RESELLER, "O3-" + RUN, "Customer One", CUSTOMER_MAIL);
        pay(PAYER, "O1-" + RUN);
        pay(OTHER_RESELLER, "O3-" + RUN);
        // B5: a reseller with one prepaid order opts in
        send(MIGRATED, new PrepaidOrderRecorded(at("2030-05-09T12:00:00Z"), MIGRATED, "MP-" + RUN, "MA-" + RUN,
                "ONLINE", "STANDARD", ISV, SKU, null, 10, AvroMoney.toAvro(Money.of("960.00", "EUR")),
                LocalDate.parse("2030-01-01"), LocalDate.parse("2031-01-01"), true, "ACTIVE", null,
                Instant.parse("2030-01-01T00:00:00Z")));
        // B7: and one paid in the migration month before the opt-in, for that month's prepaid invoice
        send(MIGRATED, new PrepaidOrderRecorded(at("2030-05-09T12:00:00Z"), MIGRATED, "MP2-" + RUN, "MA2-" + RUN,
                "ONLINE", "STANDARD", ISV, SKU, null, 1, AvroMoney.toAvro(Money.of("120.00", "EUR")),
                LocalDate.parse("2030-05-02"), LocalDate.parse("2031-05-02"), true, "ACTIVE", null,
                Instant.parse("2030-05-02T00:00:00Z")));
        send(MIGRATED, new MigrationRequested(at("2030-05-10T10:00:00Z"), MIGRATED));
        planOnceThePriceIsKnown();

        tick(PAYER, "2030-04-01T00:00:30Z");
        InvoiceIssued march = invoice(MARCH);
        // April's invoice meanwhile; before 2030-06-01T01:00 no tick states April for the ISV
        tick(PAYER, "2030-05-01T00:00:30Z");
        statementLines(march.getInvoiceId());
        tick(ISV, "2030-04-01T01:01:00Z");
        PayoutStatementIssued first = statement(1);
        // B4: a credit note for the line, stated in a supplement (D6)
        send(PAYER, new CreditNoteRequested(at("2030-04-01T02:00:00Z"), PAYER, MARCH, List.of(1), "never used"));
        CreditNoteIssued creditNote = await(CreditNoteIssued.class, n -> n.getPayerId().equals(PAYER));
        statementLines(creditNote.getCreditNoteId());
        tick(ISV, "2030-04-01T03:00:00Z");
        PayoutStatementIssued supplement = statement(2);
        InvoiceIssued april = invoice(APRIL);

        programmeOutcome(ResellerOrderAccepted.class, o -> o.getOrder().getOrderId().equals("O2-" + RUN));
        Map<String, String> keys = new HashMap<>();
        for (String order : List.of("O1-" + RUN, "O3-" + RUN)) {
            keys.put(order, programmeOutcome(ResellerOrderReleased.class,
                    r -> r.getOrder().getOrderId().equals(order))
                    .getLicences().get(0).getLicenceKey());
        }
        await(MigrationCompleted.class, m -> m.getResellerId().equals(MIGRATED));
        billed = new Billed(march, april, List.of(first, supplement), keys, creditNote);
        return billed;
    }

    /**
     * The plan is priced from the global price table, which the service fills from its own copy of the topic a
     * moment after the copy is written: until then the plan is refused PRICE_UNKNOWN, and is sent again.
     */
    private static void planOnceThePriceIsKnown() {
        String subscription = "S-" + RUN;
        long deadline = System.nanoTime() + WAIT.toNanos();
        int refusals = 0;
        send(PAYER, plan(subscription));
        while (System.nanoTime() < deadline) {
            if (!kafka.events(Topics.BILLING_EVENTS, SubscriptionUpdated.class).stream()
                    .filter(u -> u.getSubscriptionId().equals(subscription)).toList().isEmpty()) {
                return;
            }
            List<SubscriptionRefused> refused = kafka.events(Topics.BILLING_EVENTS, SubscriptionRefused.class)
                    .stream().filter(r -> r.getSubscriptionId().equals(subscription)).toList();
            if (refused.size() > refusals) {
                refusals = refused.size();
                send(PAYER, plan(subscription));
            }
            KafkaTestClient.sleep(200);
        }
        throw new AssertionError("Plan " + subscription + " not accepted within " + WAIT);
    }

    private static SubscriptionPlanChosen plan(String subscription) {
        return new SubscriptionPlanChosen(at("2030-03-01T00:00:00Z"), subscription, PAYER, "A1-" + RUN, ISV, SKU,
                null, BillingPlan.ANNUAL, 10, null, null, null);
    }

    private static void order(String reseller, String id, String customer, String email) {
        sendToProgramme(reseller, new ResellerOrderRequested(at("2030-03-05T10:00:00Z"), reseller, id, customer, email,
                List.of(new OrderLine(SKU, 2, AvroMoney.toAvro(Money.of("500.00", "EUR")), null))));
    }

    private static void pay(String reseller, String orderId) {
        sendToProgramme(reseller, new ResellerPaymentReceived(at("2030-03-06T10:00:00Z"), reseller, orderId, PaymentMethod.WIRE,
                AvroMoney.toAvro(Money.of("900.00", "EUR"))));
    }

    private static InvoiceIssued invoice(String month) {
        return await(InvoiceIssued.class, i -> i.getPayerId().equals(PAYER) && i.getMonth().equals(month));
    }

    /** The ISV's lines of a document, re-keyed to its partition: the tick that states them must come after. */
    private static void statementLines(String documentId) {
        kafka.await(BillingTopology.PAYOUT_LINES, IsvInvoiceLines.class, l -> l.getInvoiceId().equals(documentId),
                1, WAIT);
    }

    private static PayoutStatementIssued statement(int sequence) {
        return await(PayoutStatementIssued.class, s -> s.getIsvId().equals(ISV) && s.getMonth().equals(MARCH)
                && s.getSequence() == sequence);
    }

    /** On the partition of {@code key} of both command topics, as the ticker does on every partition. */
    private static void tick(String key, String at) {
        send(key, new ClockTicked(at(at), Instant.parse(at)));
        sendToProgramme(key, new ClockTicked(at(at), Instant.parse(at)));
    }

    private static void send(String key, SpecificRecord command) {
        kafka.send(Topics.BILLING_COMMANDS, key, command);
    }

    /** The reseller programme's commands have a topic of their own (D-82). */
    private static void sendToProgramme(String key, SpecificRecord command) {
        kafka.send(Topics.RESELLERS_COMMANDS, key, command);
    }

    private static <T extends SpecificRecord> T await(Class<T> type, Predicate<T> match) {
        return kafka.await(Topics.BILLING_EVENTS, type, match, 1, WAIT).get(0);
    }

    private static <T extends SpecificRecord> T programmeOutcome(Class<T> type, Predicate<T> match) {
        return kafka.await(Topics.RESELLERS_EVENTS, type, match, 1, WAIT).get(0);
    }

    /** The number numbering gave a document, once it has. */
    private static DocumentNumbered numbered(String documentId) {
        return await(DocumentNumbered.class, n -> n.getDocumentId().equals(documentId));
    }

    /** A PDF endpoint's answer, read as its text. */
    private String pdfText(String path, String authorization) throws Exception {
        HttpResponse<byte[]> pdf = bytes(path, authorization);
        assertThat(pdf.statusCode()).as(path + " " + new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    /** The partition a record key goes to on a three-partition topic (the producer's and Streams' default). */
    static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    /** {@code prefix}, or it with a suffix, such that {@code <id>|2030-03} is on another partition than the id. */
    private static String keyedElsewhere(String prefix) {
        for (int i = 0; ; i++) {
            String id = prefix + "-" + i;
            if (partition(id + "|" + MARCH) != partition(id)) {
                return id;
            }
        }
    }

    /** The R7 promise, structurally: the only number anywhere is a licence's quantity. */
    private static void assertNoMoney(JsonNode orders) {
        Set<String> fields = new HashSet<>();
        List<JsonNode> numbers = new ArrayList<>();
        for (JsonNode order : orders) {
            order.propertyNames().forEach(fields::add);
            for (JsonNode licence : order.get("licences")) {
                licence.propertyNames().forEach(fields::add);
                licence.properties().forEach(field -> {
                    if (field.getValue().isNumber() && !field.getKey().equals("quantity")) {
                        numbers.add(field.getValue());
                    }
                });
            }
        }
        assertThat(fields).containsExactlyInAnyOrder("orderId", "licences", "sku", "quantity", "licenceKey");
        assertThat(numbers).isEmpty();
    }

    private static List<String> ids(JsonNode orders) {
        return StreamSupport.stream(orders.spliterator(), false).map(o -> o.get("orderId").asString()).toList();
    }

    /** The problem with the id written out of it, to compare one id's answer with another's. */
    private static JsonNode sameShape(HttpResponse<String> response, String invoiceId) {
        assertProblem(response, 404, "UNKNOWN_INVOICE");
        return JSON.readTree(response.body().replace(invoiceId, "<id>"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
    }

    /** As the event has it, to the cent: what a view's amount must read. */
    private static String cents(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }

    /** The amount of money in a view, in euros as every amount here is (D-100: {"amount":"…","currency":"…"}). */
    private static String amount(JsonNode money) {
        assertThat(money.get("currency").asString()).isEqualTo("EUR");
        return money.get("amount").asString();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(request(path, authorization), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String path, String authorization) throws Exception {
        return http.send(request(path, authorization), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static EventMeta at(String instant) {
        return meta(Instant.parse(instant));
    }

    private static EventMeta meta(Instant at) {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setProducer("test")
                .build();
    }
}
