package io.channelhub.discount.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountActionRefused;
import io.channelhub.discount.event.DiscountCancellationRequested;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountRefusal;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.event.OfferPlanUse;
import io.channelhub.discount.event.PrivateOfferPlan;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.discount.state.DiscountStatus;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.testing.DeciderScenario;
import io.channelhub.platform.testing.InMemoryDirectory;
import io.channelhub.schemas.Events;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class DiscountDeciderTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-07-01T00:00:00Z");

    final InMemoryDirectory directory = new InMemoryDirectory().withIsv("ISV-1").withIsvWithoutResale("ISV-2")
            .withReseller("R-1").withReseller("R-2").withAccount("A-1", "R-1").withAccount("A-2", "R-1")
            .withAccount("A-OTHER", "R-2").withAccount("A-DIRECT", null);
    final DiscountDecider decider = new DiscountDecider();
    final DeciderScenario<DiscountBook, Directory> discounts = DeciderScenario.given(decider, directory)
            .givenState(DiscountDecider.empty());
    int ids;

    // D1, D3: a valid configuration is proposed to the reseller, with the directory's names and addresses
    @Test
    void aValidConfigurationIsProposedWithItsTerms() {
        DiscountProposed proposed = (DiscountProposed) single(run(configure("ISV-1", "R-1", "A-1", "10.00",
                START, END), T0));

        assertThat(proposed.getTerms().getPercent()).isEqualByComparingTo("10");
        assertThat(proposed.getTerms().getResellerEmail()).isEqualTo("sales@r-1.example");
        assertThat(proposed.getTerms().getIsvEmail()).isEqualTo("partners@isv-1.example");
        assertThat(proposed.getTerms().getCustomerName()).isEqualTo("Customer of A-1");
        assertThat(book().getDiscounts()).singleElement().satisfies(d -> {
            assertThat(d.getStatus()).isEqualTo(DiscountStatus.PROPOSED);
            assertThat(d.getPrivateNotes()).isEqualTo("notes for ISV eyes only");
        });
        assertThat(decider.nextDeadline(book())).contains(START);
    }

    // D7: the private notes stay in the book; no event carries them
    @Test
    void privateNotesNeverLeaveTheService() {
        List<SpecificRecord> events = run(configure("ISV-1", "R-1", "A-1", "10", START, END), T0);
        String id = ((DiscountProposed) single(events)).getTerms().getDiscountId();
        events = new java.util.ArrayList<>(events);
        events.addAll(run(accept(id, "R-1"), T0.plusSeconds(60)));
        events.addAll(run(cancel(id, "ISV-1"), T0.plusSeconds(120)));
        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.toString()).doesNotContain("ISV eyes"));
    }

    // D1: percentage, dates; every reason at once
    @Test
    void aMalformedRequestIsRefusedWithEveryReason() {
        DiscountRefused refused = (DiscountRefused) single(run(configure("ISV-1", "R-1", "A-1", "100.01", START,
                START), T0));
        assertThat(codes(refused.getReasons())).containsExactly("PERCENT_OUT_OF_RANGE", "END_NOT_AFTER_START");
        assertThat(codes(((DiscountRefused) single(run(configure("ISV-1", "R-1", "A-1", "0", START, null), T0)))
                .getReasons())).containsExactly("PERCENT_OUT_OF_RANGE");
        assertThat(codes(((DiscountRefused) single(run(configure("ISV-1", "R-1", "A-1", "12.345", START, null),
                T0))).getReasons())).containsExactly("PERCENT_OUT_OF_RANGE");
        assertThat(codes(((DiscountRefused) single(run(configure("ISV-1", "R-1", "A-1", "100", T0, null), T0)))
                .getReasons())).containsExactly("START_NOT_IN_FUTURE");
        assertThat(book().getDiscounts()).isEmpty();
    }

    // D2: resale enabled, known reseller, a subaccount of that reseller
    @Test
    void preconditionsOnTheIsvTheResellerAndTheAccountAreChecked() {
        assertThat(reasons(configure("ISV-2", "R-1", "A-1", "10", START, null))).containsExactly("RESALE_NOT_ENABLED");
        assertThat(reasons(configure("ISV-9", "R-1", "A-1", "10", START, null))).containsExactly("ISV_UNKNOWN");
        assertThat(reasons(configure("ISV-1", "R-9", "A-1", "10", START, null)))
                .containsExactly("RESELLER_UNKNOWN", "ACCOUNT_NOT_OF_RESELLER");
        assertThat(reasons(configure("ISV-1", "R-1", "A-OTHER", "10", START, null)))
                .containsExactly("ACCOUNT_NOT_OF_RESELLER");
        assertThat(reasons(configure("ISV-1", "R-1", "A-DIRECT", "10", START, null)))
                .containsExactly("ACCOUNT_NOT_OF_RESELLER");
        assertThat(reasons(configure("ISV-1", "R-1", "A-404", "10", START, null))).containsExactly("ACCOUNT_UNKNOWN");
        assertThat(reasons(configure("ISV-1", "R-1", null, "10", START, null))).containsExactly("ACCOUNT_REQUIRED");
    }

    // D3: proposed -> accepted -> in effect at the start -> ended at the end
    @Test
    void anAcceptedDiscountStartsAndEndsOnItsDates() {
        String id = proposeOne("A-1", START, END);
        DiscountAccepted accepted = (DiscountAccepted) single(run(accept(id, "R-1"), T0.plus(Duration.ofDays(1))));
        assertThat(accepted.getAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(status(id)).isEqualTo(DiscountStatus.ACCEPTED);

        assertThat(tick(START.minusMillis(1))).isEmpty();
        DiscountStarted started = (DiscountStarted) single(tick(START.plusSeconds(30)));
        assertThat(started.getAt()).as("stamped with the start date, not the tick").isEqualTo(START);
        assertThat(status(id)).isEqualTo(DiscountStatus.IN_EFFECT);
        assertThat(decider.nextDeadline(book())).contains(END);

        DiscountEnded ended = (DiscountEnded) single(tick(END.plusSeconds(5)));
        assertThat(ended.getAt()).isEqualTo(END);
        assertThat(status(id)).isEqualTo(DiscountStatus.ENDED);
        assertThat(decider.nextDeadline(book())).isEmpty();
    }

    // D3: a deadline fires once, whichever tick brings it; a late tick fires start and end together
    @Test
    void deadlinesFireOnceAndInOrderWhenTicksAreLate() {
        String id = proposeOne("A-1", START, END);
        run(accept(id, "R-1"), T0);
        List<SpecificRecord> late = tick(END.plusSeconds(1));
        assertThat(late).hasSize(2);
        assertThat(late.get(0)).isInstanceOf(DiscountStarted.class);
        assertThat(late.get(1)).isInstanceOf(DiscountEnded.class);
        assertThat(tick(END.plusSeconds(2))).isEmpty();
        // derived ids: the same deadline event whichever tick fired it
        assertThat(((DiscountStarted) late.get(0)).getMeta().getEventId())
                .isEqualTo(EventIds.derive(id, "DiscountStarted", 0));
    }

    // D3: not accepted before the start date -> lapsed; an acceptance on the start date finds it lapsed
    @Test
    void aDiscountNotAcceptedBeforeItsStartLapses() {
        String id = proposeOne("A-1", START, END);
        DiscountLapsed lapsed = (DiscountLapsed) single(tick(START));
        assertThat(lapsed.getAt()).isEqualTo(START);
        assertThat(refusal(run(accept(id, "R-1"), START.plusSeconds(1)))).isEqualTo("NOT_PROPOSED");

        String late = proposeOne("A-2", START.plusSeconds(3600), null);
        // no tick in between: the command fires the due lapse first
        List<SpecificRecord> events = run(accept(late, "R-1"), START.plusSeconds(3600));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(DiscountLapsed.class);
        assertThat(((DiscountActionRefused) events.get(1)).getReason().getCode()).isEqualTo("NOT_PROPOSED");
    }

    // D3: only the discount's reseller accepts; a repeat changes nothing; unknown ids are refused
    @Test
    void acceptanceIsTheResellersAndARepeatChangesNothing() {
        String id = proposeOne("A-1", START, null);
        assertThat(refusal(run(accept(id, "R-2"), T0))).isEqualTo("NOT_THE_RESELLER");
        assertThat(refusal(run(accept("D-404", "R-1"), T0))).isEqualTo("UNKNOWN_DISCOUNT");
        assertThat(run(accept(id, "R-1"), T0)).hasSize(1);
        assertThat(run(accept(id, "R-1"), T0.plusSeconds(1))).isEmpty();
    }

    // D3: the ISV cancels at any time: proposed, accepted or in effect; not after it closed; a repeat is quiet
    @Test
    void theIsvCancelsAtAnyTime() {
        String proposed = proposeOne("A-1", START, Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(refusal(run(cancel(proposed, "ISV-9"), T0))).isEqualTo("NOT_THE_ISV");
        DiscountCancelled early = (DiscountCancelled) single(run(cancel(proposed, "ISV-1"), T0));
        assertThat(early.getWasInEffect()).isFalse();
        assertThat(run(cancel(proposed, "ISV-1"), T0)).isEmpty();

        String running = proposeOne("A-1", Instant.parse("2026-05-01T00:00:00Z"), null);
        run(accept(running, "R-1"), T0);
        tick(Instant.parse("2026-05-02T00:00:00Z"));
        Instant cancelAt = Instant.parse("2026-05-10T12:00:00Z");
        DiscountCancelled stopped = (DiscountCancelled) single(run(cancel(running, "ISV-1"), cancelAt));
        assertThat(stopped.getWasInEffect()).isTrue();
        assertThat(stopped.getAt()).isEqualTo(cancelAt);
        assertThat(decider.nextDeadline(book())).isEmpty();

        String ended = proposeOne("A-2", Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-02T00:00:00Z"));
        run(accept(ended, "R-1"), cancelAt);
        tick(Instant.parse("2026-06-03T00:00:00Z"));
        assertThat(refusal(run(cancel(ended, "ISV-1"), Instant.parse("2026-06-04T00:00:00Z"))))
                .isEqualTo("ALREADY_CLOSED");
    }

    // D4: no two of the same ISV for the same account in effect at once; other accounts, adjacent periods and
    // replaced (cancelled) ones are fine
    @Test
    void overlappingDiscountsForTheSameAccountAreRefused() {
        String first = proposeOne("A-1", START, END);
        DiscountRefused refused = (DiscountRefused) single(run(configure("ISV-1", "R-1", "A-1", "5",
                START.plus(Duration.ofDays(10)), null), T0));
        assertThat(refused.getReasons()).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo("OVERLAPS");
            assertThat(r.getMessage()).contains(first);
        });
        assertThat(single(run(configure("ISV-1", "R-1", "A-2", "5", START, null), T0)))
                .isInstanceOf(DiscountProposed.class);
        assertThat(single(run(configure("ISV-1", "R-1", "A-1", "5", END, null), T0)))
                .as("half-open periods: one may start when the other ends").isInstanceOf(DiscountProposed.class);

        // seed 002's "update": cancel the first, then configure the new one for the same period
        run(cancel(first, "ISV-1"), T0);
        assertThat(single(run(configure("ISV-1", "R-1", "A-1", "15", START.plus(Duration.ofDays(10)), END), T0)))
                .isInstanceOf(DiscountProposed.class);
    }

    // D5: private offer plans: a discount for an offer is its own scope; a multi-use plan covers every customer
    // of the reseller and needs no account, so it overlaps any same-offer discount of that reseller
    @Test
    void privateOfferPlanDiscountsHaveTheirOwnScope() {
        proposeOne("A-1", START, null);
        DiscountConfigurationRequested single = plan(configure("ISV-1", "R-1", "A-1", "20", START, null),
                "OFFER-1", OfferPlanUse.SINGLE_USE);
        assertThat(single(run(single, T0))).isInstanceOf(DiscountProposed.class);

        DiscountConfigurationRequested multi = plan(configure("ISV-1", "R-1", null, "7.5", START, null),
                "OFFER-2", OfferPlanUse.MULTI_USE);
        DiscountProposed proposed = (DiscountProposed) single(run(multi, T0));
        assertThat(proposed.getTerms().getBillingAccountId()).isNull();
        assertThat(proposed.getTerms().getOfferPlan().getUse()).isEqualTo(OfferPlanUse.MULTI_USE);

        assertThat(reasons(plan(configure("ISV-1", "R-1", "A-2", "5", START, null), "OFFER-2",
                OfferPlanUse.SINGLE_USE))).containsExactly("OVERLAPS");
        assertThat(reasons(plan(configure("ISV-1", "R-1", null, "5", START, null), "OFFER-3",
                OfferPlanUse.SINGLE_USE))).containsExactly("ACCOUNT_REQUIRED");
    }

    // X2: the same request decides the same events, ids included
    @Test
    void theSameRequestDecidesTheSameEvents() {
        DiscountConfigurationRequested request = configure("ISV-1", "R-1", "A-1", "10", START, END);
        SpecificRecord once = single(decider.decide(request, null, directory, T0).events());
        SpecificRecord again = single(decider.decide(request, null, directory, T0).events());
        assertThat(again).isEqualTo(once);
    }

    // X2: a configuration replayed after the dedupe window forgot it finds its discount and changes nothing,
    // whatever happened to the discount since
    @Test
    void aReplayedConfigurationChangesNothing() {
        DiscountConfigurationRequested request = configure("ISV-1", "R-1", "A-1", "10", START, END);
        String id = ((DiscountProposed) single(run(request, T0))).getTerms().getDiscountId();
        run(accept(id, "R-1"), T0);
        tick(END.plusSeconds(1));
        assertThat(decider.decide(request, book(), directory, T0)).isEqualTo(Decision.nothing());
    }

    private String proposeOne(String account, Instant start, Instant end) {
        SpecificRecord event = single(run(configure("ISV-1", "R-1", account, "10", start, end), T0));
        assertThat(event).isInstanceOf(DiscountProposed.class);
        return ((DiscountProposed) event).getTerms().getDiscountId();
    }

    /** The command at {@code now}, as the host runs it. */
    private List<SpecificRecord> run(SpecificRecord command, Instant now) {
        Events.meta(command).setOccurredAt(now);
        return discounts.when(command);
    }

    private List<SpecificRecord> tick(Instant now) {
        return discounts.when(new ClockTicked(EventIds.origin("tick-" + ++ids, now, "test"), now));
    }

    private DiscountBook book() {
        return discounts.state();
    }

    private List<String> reasons(DiscountConfigurationRequested request) {
        return codes(((DiscountRefused) single(run(request, T0))).getReasons());
    }

    private static String refusal(List<SpecificRecord> events) {
        return ((DiscountActionRefused) single(events)).getReason().getCode();
    }

    private DiscountStatus status(String id) {
        return book().getDiscounts().stream().filter(d -> d.getTerms().getDiscountId().equals(id)).findFirst()
                .orElseThrow().getStatus();
    }

    private static List<String> codes(List<DiscountRefusal> reasons) {
        return reasons.stream().map(DiscountRefusal::getCode).toList();
    }

    private static SpecificRecord single(List<SpecificRecord> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private DiscountConfigurationRequested configure(String isv, String reseller, String account, String percent,
            Instant start, Instant end) {
        return DiscountConfigurationRequested.newBuilder().setMeta(meta()).setIsvId(isv).setResellerId(reseller)
                .setBillingAccountId(account).setPercent(new BigDecimal(percent)).setStartsAt(start).setEndsAt(end)
                .setPrivateNotes("notes for ISV eyes only").build();
    }

    private static DiscountConfigurationRequested plan(DiscountConfigurationRequested request, String offer,
            OfferPlanUse use) {
        request.setOfferPlan(new PrivateOfferPlan(offer, use));
        return request;
    }

    private DiscountAcceptanceSubmitted accept(String id, String reseller) {
        return new DiscountAcceptanceSubmitted(meta(), id, "ISV-1", reseller, "upstream");
    }

    private DiscountCancellationRequested cancel(String id, String isv) {
        return new DiscountCancellationRequested(meta(), id, isv, "R-1");
    }

    private EventMeta meta() {
        return EventIds.origin("cmd-" + ++ids, T0, "test");
    }
}
