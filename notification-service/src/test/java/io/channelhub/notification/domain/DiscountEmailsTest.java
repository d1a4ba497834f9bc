package io.channelhub.notification.domain;

import static io.channelhub.notification.TestEvents.PLANNER;
import static io.channelhub.notification.TestEvents.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.event.DiscountTerms;
import io.channelhub.notification.TestEvents;
import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.platform.approvals.ApprovalTokens;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscountEmailsTest {

    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant END = Instant.parse("2027-03-01T00:00:00Z");
    final EmailRenderer renderer = new EmailRenderer();

    static DiscountTerms terms() {
        return DiscountTerms.newBuilder().setDiscountId("D-1").setIsvId("ISV-1").setIsvName("Vendor")
                .setIsvEmail("partners@vendor.example").setResellerId("R-1").setResellerName("Reseller One")
                .setResellerEmail("sales@reseller.example").setBillingAccountId("A-1").setCustomerName("Acme")
                .setPercent(new BigDecimal("12.50")).setStartsAt(START).setEndsAt(END).build();
    }

    // D3: the reseller is asked to accept, with a link only it can use, valid until the start
    @Test
    void aProposedDiscountAsksTheResellerToAcceptBeforeTheStart() {
        List<PlannedEmail> emails = PLANNER.plan(new DiscountProposed(meta("p-1"), terms(), TestEvents.T0), TestEvents.WRITTEN);

        PlannedEmail email = emails.get(0);
        assertThat(emails).hasSize(1);
        assertThat(email.template()).isEqualTo(DiscountEmails.PROPOSED);
        assertThat(email.toAddress()).isEqualTo("sales@reseller.example");
        assertThat(email.customerFacing()).isFalse();
        assertThat(email.subject()).isEqualTo("Discount offered for your customer Acme");
        String link = (String) email.model().get("acceptLink");
        assertThat(link).startsWith("https://discounts.example/acceptances/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(TestEvents.DISCOUNT_TOKENS.verify(token, TestEvents.T0)).isEqualTo(new ApprovalTokens.Valid(
                new ApprovalTokens.Claim("D-1", "ISV-1|R-1", "RESELLER", "R-1", "ACCEPT", START)));
        // a discount acceptance is no transfer approval
        assertThat(TestEvents.TOKENS.verify(token, TestEvents.T0)).isEqualTo(new ApprovalTokens.Invalid("FORGED"));

        EmailRenderer.Rendered body = renderer.render(email);
        assertThat(body.text()).contains("Vendor offers your customer Acme a discount of\n12.5%",
                "accept it before 2026-12-01 00:00 UTC", link, "Until:        2027-03-01 00:00 UTC",
                "Reference: D-1 · billing account A-1");
        assertThat(body.html()).contains("href=\"" + link + "\"", "12.5%");
    }

    // D3: a proposal written at or after its start cannot be accepted any more: no "accept before <past date>"
    @Test
    void aProposalWrittenAfterItsStartAsksNothing() {
        DiscountProposed proposed = new DiscountProposed(meta("p-2"), terms(), TestEvents.T0);

        assertThat(PLANNER.plan(proposed, START)).isEmpty();
        assertThat(PLANNER.plan(proposed, START.plusSeconds(86_400))).isEmpty();
        assertThat(PLANNER.plan(proposed, START.minusSeconds(1))).extracting(PlannedEmail::template)
                .containsExactly(DiscountEmails.PROPOSED);
    }

    // D3: the ISV gets the acceptance; both get lapse, cancellation and end
    @Test
    void theIsvIsToldOfTheAcceptanceAndBothOfTheEnd() {
        assertThat(PLANNER.plan(new DiscountAccepted(meta("a-1"), terms(), TestEvents.T0), TestEvents.WRITTEN))
                .extracting(PlannedEmail::template, PlannedEmail::toAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DiscountEmails.ACCEPTED,
                        "partners@vendor.example"));
        for (var event : List.of(new DiscountLapsed(meta("l-1"), terms(), START),
                new DiscountCancelled(meta("c-1"), terms(), START.plusSeconds(60), true),
                new DiscountEnded(meta("e-1"), terms(), END))) {
            List<PlannedEmail> emails = PLANNER.plan(event, TestEvents.WRITTEN);
            assertThat(emails).extracting(PlannedEmail::toAddress)
                    .containsExactly("partners@vendor.example", "sales@reseller.example");
            emails.forEach(email -> assertThat(renderer.render(email).text()).contains("Acme", "12.5%",
                    "Reference: D-1 · billing account A-1").doesNotContain("Acme (A-1)"));
        }
        assertThat(renderer.render(PLANNER.plan(new DiscountCancelled(meta("c-2"), terms(), START, false), TestEvents.WRITTEN).get(0))
                .text()).contains("It had not started and never applies.");
    }

    // D3: starting and refusals promise no e-mail
    @Test
    void startsAndRefusalsPromiseNoEmail() {
        assertThat(PLANNER.plan(new DiscountStarted(meta("s-1"), terms(), START), TestEvents.WRITTEN)).isEmpty();
        assertThat(PLANNER.plan(new DiscountRefused(meta("r-1"), "req", "ISV-1", "R-1", "A-1", List.of()), TestEvents.WRITTEN))
                .isEmpty();
    }
}
