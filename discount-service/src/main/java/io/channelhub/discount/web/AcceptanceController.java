package io.channelhub.discount.web;

import static io.channelhub.platform.web.DecisionPages.e;

import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.state.Discount;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.discount.state.DiscountStatus;
import io.channelhub.discount.stream.DiscountTopology;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.web.CommandPublisher;
import io.channelhub.platform.web.DecisionPages;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * D3: the acceptance link a reseller receives with a proposed discount. GET shows what the link will do, or why
 * it can no longer do anything; POST publishes {@code DiscountAcceptanceSubmitted} under the book's key, with an
 * id derived from the token, so the same link used twice is applied once. The topology decides; the checks here only tell the person now what
 * it would refuse.
 */
@RestController
@RequestMapping("/acceptances/{token}")
class AcceptanceController {

    static final String CHANNEL = "link";

    /** The 202 answer to a submitted acceptance. */
    record Submitted(String discountId, String resellerId, String status) {
    }

    private final ApprovalTokens tokens;
    private final StoreLocator stores;
    private final PeerForwarder forwarder;
    private final CommandPublisher commands;
    private final MeterRegistry registry;
    private final Clock clock;

    AcceptanceController(ApprovalTokens tokens, StoreLocator stores, PeerForwarder forwarder,
            CommandPublisher commands, MeterRegistry registry, Clock clock) {
        this.tokens = tokens;
        this.stores = stores;
        this.forwarder = forwarder;
        this.commands = commands;
        this.registry = registry;
        this.clock = clock;
    }

    /** The confirmation page; a link that can no longer accept anything says so instead (docs/security.md). */
    @GetMapping
    ResponseEntity<?> confirm(@PathVariable String token, HttpServletRequest request) {
        return DecisionPages.answer(request, () -> {
            ApprovalTokens.Claim claim = verify(token);
            return forwarder.answer(locate(claim, request), request, "discount " + claim.subjectId(), book -> {
                checkStillProposed(claim, book);
                String body = """
                        <p>Discount <strong>%s</strong>, offered through you (reseller <strong>%s</strong>).</p>
                        <p>Nothing is recorded until you press the button. It must be accepted before it starts.</p>
                        <form method="post" action="%s"><button type="submit">Accept the discount</button></form>
                        """.formatted(e(claim.subjectId()), e(claim.partyId()), e(token));
                return DecisionPages.respond(HttpStatus.OK,
                        DecisionPages.page("Accept the discount for your customer?", body));
            });
        });
    }

    @PostMapping
    ResponseEntity<?> submit(@PathVariable String token, HttpServletRequest request) {
        return DecisionPages.answer(request, () -> {
            ApprovalTokens.Claim claim = verify(token);
            return forwarder.answer(locate(claim, request), request, "discount " + claim.subjectId(), book -> {
                checkStillProposed(claim, book);
                publish(token, claim);
                if (!DecisionPages.wantsJson(request)) {
                    return DecisionPages.respond(HttpStatus.ACCEPTED, DecisionPages.page("Thank you", """
                            <p>Your acceptance of discount <strong>%s</strong> has been submitted. The ISV is told,
                            and the discount applies from its start date.</p>""".formatted(e(claim.subjectId()))));
                }
                return ResponseEntity.accepted().body(new Submitted(claim.subjectId(), claim.partyId(),
                        "submitted"));
            });
        });
    }

    private StoreLocator.Location<DiscountBook> locate(ApprovalTokens.Claim claim, HttpServletRequest request) {
        return stores.locate(DiscountTopology.BOOKS_STORE, claim.key(), PeerForwarder.isForwarded(request));
    }

    private void publish(String token, ApprovalTokens.Claim claim) {
        String[] isvAndReseller = claim.key().split("\\|", 2);
        commands.publish(Topics.DISCOUNTS_COMMANDS, claim.key(), new DiscountAcceptanceSubmitted(
                EventIds.origin(CommandPublisher.commandId(token, "DiscountAcceptanceSubmitted"), clock.instant(),
                        DiscountTopology.SERVICE),
                claim.subjectId(), isvAndReseller[0], claim.partyId(), CHANNEL));
    }

    private ApprovalTokens.Claim verify(String token) {
        ApprovalTokens.Verification verification = tokens.verify(token, clock.instant());
        if (verification instanceof ApprovalTokens.Invalid invalid) {
            registry.counter(MetricNames.REFUSALS, "service", DiscountTopology.SERVICE, "type", "AcceptanceToken",
                    "reason", invalid.reason()).increment();
            throw Problems.decisionLink(invalid.reason(), "the discount");
        }
        return ((ApprovalTokens.Valid) verification).claim();
    }

    private static void checkStillProposed(ApprovalTokens.Claim claim, DiscountBook book) {
        Discount discount = book == null ? null : book.getDiscounts().stream()
                .filter(d -> d.getTerms().getDiscountId().equals(claim.subjectId())).findFirst().orElse(null);
        if (discount == null) {
            throw Problems.notFound("UNKNOWN_DISCOUNT", "Discount not found", "There is no discount "
                    + claim.subjectId() + ".");
        }
        DiscountStatus status = discount.getStatus();
        if (status == DiscountStatus.ACCEPTED || status == DiscountStatus.IN_EFFECT) {
            throw conflict("ALREADY_ACCEPTED", "Discount " + claim.subjectId() + " is already accepted.");
        }
        if (status != DiscountStatus.PROPOSED) {
            throw conflict("NOT_PROPOSED", "Discount " + claim.subjectId() + " is " + status
                    + "; it can no longer be accepted.");
        }
    }

    private static ErrorResponseException conflict(String code, String detail) {
        return Problems.conflict(code, "Nothing to accept", detail);
    }
}
