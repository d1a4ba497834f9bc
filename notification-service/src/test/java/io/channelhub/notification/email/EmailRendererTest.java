package io.channelhub.notification.email;

import static io.channelhub.notification.TestEvents.EXPIRES;
import static io.channelhub.notification.TestEvents.PLANNER;
import static io.channelhub.notification.TestEvents.details;
import static io.channelhub.notification.TestEvents.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.notification.TestEvents;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.domain.TransferEmails;
import io.channelhub.notification.domain.PlannedEmail;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferRefused;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferReminded;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * N3: every template is a readable text + HTML pair that shows what the rules promise. The customer's name
 * "Acme &lt;Ltd&gt;" in the test data proves the HTML escapes values while the text keeps them as they are.
 */
class EmailRendererTest {

    private static final Contact ADA = new Contact("Ada", "ada@acme.example");
    private final EmailRenderer renderer = new EmailRenderer();

    // T4: the request shows every detail, the parties, both links and the deadline
    @Test
    void theConsentRequestShowsEveryDetailBothLinksAndTheDeadline() {
        PlannedEmail email = PLANNER.plan(TestEvents.opened("ev-1", "E-1"), TestEvents.WRITTEN).get(3);
        EmailRenderer.Rendered body = renderer.render(email);

        assertShowsDetails(body);
        assertThat(body.text()).contains("Hello New Reseller,", "yours is needed as the new reseller.",
                "To approve:  " + email.model().get("approveLink"), "To reject:   " + email.model().get("rejectLink"),
                "Please answer before\n2026-12-07 10:00 UTC");
        assertThat(body.html()).containsPattern("href=\"" + java.util.regex.Pattern.quote(
                        (String) email.model().get("approveLink")) + "\"[^>]*>Approve the transfer</a>")
                .containsPattern("href=\"" + java.util.regex.Pattern.quote((String) email.model().get("rejectLink"))
                        + "\"[^>]*>Reject the transfer</a>")
                .contains(
                "<strong>2026-12-07 10:00 UTC</strong>");
    }

    // T8: the reminder repeats the details, the links and the deadline
    @Test
    void theReminderShowsTheDetailsFreshLinksAndTheDeadline() {
        PlannedEmail email = PLANNER.plan(new TransferReminded(meta("ev-2"), details("E-1"),
                details("E-1").getParties().subList(0, 1), EXPIRES), TestEvents.WRITTEN).get(0);
        EmailRenderer.Rendered body = renderer.render(email);

        assertShowsDetails(body);
        assertThat(body.text()).contains("A reminder", "your answer as the customer",
                "To approve:  " + email.model().get("approveLink"), "2026-12-07 10:00 UTC");
        assertThat(body.html()).contains("href=\"" + email.model().get("rejectLink") + "\"");
    }

    // T5: who rejected, and that nothing moves
    @Test
    void theRejectionNamesWhoRejected() {
        EmailRenderer.Rendered body = renderer.render(PLANNER.plan(new TransferRejected(meta("ev-3"), details("E-1"),
                details("E-1").getParties().get(1)), TestEvents.WRITTEN).get(0));

        assertShowsDetails(body);
        assertThat(body.text()).contains("will not happen: it was rejected by\nVendor (ISV).");
        assertThat(body.html()).contains("rejected by <strong>Vendor (ISV)</strong>");
    }

    // T8: who had not answered; and a request that never opened says so instead of showing details
    @Test
    void theExpiryNamesWhoDidNotAnswer() {
        EmailRenderer.Rendered body = renderer.render(PLANNER.plan(new TransferExpired(meta("ev-4"), "T-E-1", "E-1",
                details("E-1"), ADA, details("E-1").getParties().subList(3, 4)), TestEvents.WRITTEN).get(0));
        assertShowsDetails(body);
        assertThat(body.text()).contains("has expired", "Still awaited:\n  - New Reseller (new reseller)");
        assertThat(body.html()).contains("<li>New Reseller (new reseller)</li>");

        EmailRenderer.Rendered neverOpened = renderer.render(PLANNER.plan(new TransferExpired(meta("ev-5"), "T-5",
                "E-5", null, ADA, List.of()), TestEvents.WRITTEN).get(0));
        assertThat(Stream.of(neverOpened.text(), neverOpened.html())).allSatisfy(form -> assertThat(form)
                .contains("E-5", "T-5", "never became complete").doesNotContain("Kind of transfer", "Still awaited"));
    }

    // T6: the confirmation every party gets, and the ISV's "transfer completed"
    @Test
    void theCompletionEmailsShowWhereTheEntitlementNowIs() {
        List<PlannedEmail> emails = PLANNER.plan(new TransferCompleted(meta("ev-6"), details("E-1")), TestEvents.WRITTEN);
        EmailRenderer.Rendered confirmation = renderer.render(emails.get(0));
        EmailRenderer.Rendered completed = renderer.render(emails.get(4));

        assertShowsDetails(confirmation);
        assertThat(confirmation.text()).contains("Every party agreed", "since\n2026-11-23 10:00 UTC it sits on "
                + "billing account BA-2.");
        assertShowsDetails(completed);
        assertThat(completed.text()).contains("Hello Vendor,", "Transfer completed.", "2026-11-23 10:00 UTC");
        assertThat(completed.html()).contains("<strong>Transfer completed.</strong>");
    }

    // T3: the exact list of problems, escaped in HTML
    @Test
    void theInfoRequestListsEveryProblem() {
        EmailRenderer.Rendered body = renderer.render(PLANNER.plan(new TransferInfoRequested(meta("ev-7"), "T-7",
                "E-7", ADA, List.of(new Problem("offerId", "MISSING", "Please provide the offer ID."),
                        new Problem("kind", "KIND_MISMATCH", "The kind <X> does not match the accounts."))), TestEvents.WRITTEN).get(0));

        assertThat(body.text()).contains("Hello Ada,", "  - Please provide the offer ID.\n",
                "  - The kind <X> does not match the accounts.\n", "Reference: T-7");
        assertThat(body.html()).contains("<li>Please provide the offer ID.</li>",
                "<li>The kind &lt;X&gt; does not match the accounts.</li>").doesNotContain("<X>");
    }

    // T7: why nothing changed, and which transfer is open
    @Test
    void theRefusalGivesTheReasonAndTheOpenTransfer() {
        EmailRenderer.Rendered body = renderer.render(PLANNER.plan(new TransferRefused(meta("ev-8"), "T-8", "E-8", ADA,
                "TRANSFER_ALREADY_OPEN", "Entitlement E-8 already has an open transfer.", "T-OPEN"), TestEvents.WRITTEN).get(0));

        assertThat(body.text()).contains("was not accepted", "Entitlement E-8 already has an open transfer.",
                "already open for this entitlement: T-OPEN", "Reference: T-8");
        assertThat(body.html()).contains("<blockquote>Entitlement E-8 already has an open transfer.</blockquote>",
                "<code>T-OPEN</code>");
    }

    // N3: every transfer template renders fully in both forms, to the customer too (D7, R7: that no customer
    // e-mail of any template shows a price or discount is EmailSamplesTest's)
    @Test
    void everyTransferTemplateRendersCompletelyIncludingTheCustomersCopies() {
        List<SpecificRecord> events = List.of(TestEvents.opened("a", "E-1"),
                new TransferReminded(meta("b"), details("E-1"), details("E-1").getParties(), EXPIRES),
                new TransferCompleted(meta("c"), details("E-1")),
                new TransferRejected(meta("d"), details("E-1"), details("E-1").getParties().get(0)),
                new TransferExpired(meta("e"), "T-E-1", "E-1", details("E-1"), ADA, details("E-1").getParties()),
                new TransferInfoRequested(meta("f"), "T-E-1", "E-1", ADA,
                        List.of(new Problem("offerId", "MISSING", "Please provide the offer ID."))),
                new TransferRefused(meta("g"), "T-E-1", "E-1", ADA, "TRANSFER_ALREADY_OPEN", "Already open.", null));
        List<PlannedEmail> emails = events.stream().flatMap(event -> PLANNER.plan(event, TestEvents.WRITTEN).stream()).toList();

        assertThat(emails).extracting(PlannedEmail::template).containsOnly(TransferEmails.CONSENT_REQUEST,
                TransferEmails.REMINDER, TransferEmails.COMPLETED, TransferEmails.COMPLETED_ISV, TransferEmails.REJECTED,
                TransferEmails.EXPIRED, TransferEmails.INFO_REQUESTED, TransferEmails.REFUSED);
        for (PlannedEmail email : emails) {
            EmailRenderer.Rendered body = renderer.render(email);
            assertThat(body.text()).as(email.template()).contains("E-1", "Reference: T-E-1", "Channel Hub")
                    .doesNotContain("[(", "[#", "${", "null");
            assertThat(body.html()).as(email.template()).startsWith("<!DOCTYPE html>").contains("E-1", "T-E-1")
                    .endsWith("</html>\n").doesNotContain(" th:", "${", "null");
        }
        assertThat(emails).filteredOn(PlannedEmail::customerFacing).extracting(PlannedEmail::template)
                .contains(TransferEmails.CONSENT_REQUEST, TransferEmails.REMINDER, TransferEmails.COMPLETED,
                        TransferEmails.REJECTED, TransferEmails.EXPIRED);
    }

    /**
     * T4: the details in both forms, the company name escaped in HTML only; nothing named in the directory, so the
     * offer and the accounts by their ids, and no product line.
     */
    private static void assertShowsDetails(EmailRenderer.Rendered body) {
        assertThat(body.text()).contains("Kind of transfer:      Change of reseller", "Customer:              Acme <Ltd>",
                "ISV:                   Vendor\n  Offer:                 O-1",
                "From billing account:  BA-1", "To billing account:    BA-2", "From reseller:         Old Reseller",
                "To reseller:           New Reseller",
                "Parties:\n    - Acme <Ltd> (customer)\n    - Vendor (ISV)\n    - Old Reseller (current reseller)\n"
                        + "    - New Reseller (new reseller)\n",
                "Reference: T-E-1 \u00b7 entitlement E-1 \u00b7 offer O-1 \u00b7 billing accounts BA-1 \u2192 BA-2")
                .doesNotContain("Product:", "Entitlement:");
        assertThat(body.html()).contains("<td>Change of reseller</td>", "<td>Acme &lt;Ltd&gt;</td>",
                "<td>O-1</td>", "<td>BA-1</td>", "<td>BA-2</td>", "<td>Vendor</td>", "<td>Old Reseller</td>",
                "<td>New Reseller</td>",
                "<li>Acme &lt;Ltd&gt; (customer)</li>", "<li>New Reseller (new reseller)</li>", "<code>T-E-1</code>",
                "<code>E-1</code>").doesNotContain("Acme <Ltd>", ">Product<");
    }

    // T4, issue 23: named things by name in the table and the sentence, their ids only in the reference line
    @Test
    void aNamedTransferShowsProductOfferAndAccountsByNameAndTheirIdsInTheReferenceLine() {
        EmailRenderer.Rendered body = renderer.render(PLANNER.plan(new TransferCompleted(meta("ev-n"),
                TestEvents.namedDetails("E-1")), TestEvents.WRITTEN).get(0));

        assertThat(body.text()).contains("the transfer of Vendor Analytics (Analytics Pro) is done",
                "it sits on billing account Acme Munich.", "Product:               Vendor Analytics\n",
                "Offer:                 Analytics Pro\n", "From billing account:  Acme Hamburg\n",
                "To billing account:    Acme Munich\n",
                "Reference: T-E-1 \u00b7 entitlement E-1 \u00b7 offer O-1 \u00b7 billing accounts BA-1 \u2192 BA-2");
        assertThat(body.text().substring(0, body.text().indexOf("Reference:"))).doesNotContain("E-1", "O-1", "BA-");
        assertThat(body.html()).contains("<td>Vendor Analytics</td>", "<td>Analytics Pro</td>",
                "<td>Acme Hamburg</td>", "<td>Acme Munich</td>", "<code>BA-2</code>");
    }
}
