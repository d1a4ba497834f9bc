package io.channelhub.billing.domain.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.testing.DeciderScenario;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerAccountOpened;
import io.channelhub.reseller.event.ResellerApplicationSubmitted;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderRequested;
import io.channelhub.reseller.event.ResellerRequestRefused;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The reseller programme as the host runs it: upstream commands in, events out, the month as its deadline. */
class ResellerProgrammeTest {

    final ResellerProgramme programme = new ResellerProgramme(ResellerDeciderTest.SETTINGS);
    final Supplier<SalesTaxRates> rates = () -> ResellerDeciderTest.RATES;
    final DeciderScenario<ResellerAccount, Supplier<SalesTaxRates>> reseller = DeciderScenario.given(programme, rates);
    int ids;

    // R1: an eligible business is opened at the default discount, and its month starts
    @Test
    void r1_anEligibleApplicationOpensTheAccount() {
        assertThat(reseller.when(application("SOFTWARE_RESELLER", "2026-10-05T10:00:00Z"))).singleElement()
                .isInstanceOfSatisfying(ResellerAccountOpened.class, opened ->
                        assertThat(opened.getDiscountPercent()).isEqualByComparingTo("10"));
        assertThat(reseller.state().month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(programme.nextDeadline(reseller.state())).contains(Instant.parse("2026-11-01T00:00:00Z"));
    }

    // R1: a consultancy is refused, told at the address it applied with; an unknown business type too
    @Test
    void r1_aRefusedApplicantIsToldWhy() {
        ResellerRequestRefused consultancy = (ResellerRequestRefused) reseller.when(
                application("CONSULTANCY", "2026-10-05T10:00:00Z")).get(0);
        assertThat(consultancy.getReasons()).containsExactly("NOT_ELIGIBLE");
        assertThat(consultancy.getContactEmail()).isEqualTo("hello@r-1.example");
        assertThat(reseller.state()).isNull();
        ResellerRequestRefused unknown = (ResellerRequestRefused) reseller.when(
                application("BAKERY", "2026-10-05T10:00:00Z")).get(0);
        assertThat(unknown.getReasons()).containsExactly("INVALID_FIELD");
        assertThat(unknown.getContactEmail()).isEqualTo("hello@r-1.example");
        assertThat(programme.refusalReasons(unknown)).containsExactly("INVALID_FIELD");
        // whatever the record's key, the application is the reseller's it names
        assertThat(programme.aggregateId(application("CONSULTANCY", "2026-10-05T10:00:00Z"), "R-OTHER"))
                .isEqualTo("R-1");
    }

    // R5: the month moves on with the first tick in the next, once; a new reseller gets no statement (R4)
    @Test
    void r5_theMonthStartsOnTheFirstTickInIt() {
        reseller.givenHistory(application("SOFTWARE_RESELLER", "2026-10-05T10:00:00Z"));
        assertThat(tick("2026-10-31T23:59:59Z")).isEmpty();
        assertThat(tick("2026-11-01T00:00:30Z")).isEmpty();
        assertThat(reseller.state().month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(programme.nextDeadline(reseller.state())).contains(Instant.parse("2026-12-01T00:00:00Z"));
    }

    // R4, R5: an order after a month boundary no tick announced starts the month first, then is placed
    @Test
    void r5_aCommandInANewMonthStartsItFirst() {
        reseller.givenHistory(application("SOFTWARE_RESELLER", "2026-10-05T10:00:00Z"));
        List<SpecificRecord> events = reseller.when(new ResellerOrderRequested(meta("2026-11-03T09:00:00Z"), "R-1",
                "O-1", "Acme", "it@acme.example", List.of(new OrderLine("SKU-1", 2,
                        AvroMoney.toAvro(Money.of("100.00", "EUR")), null))));
        assertThat(events).singleElement().isInstanceOfSatisfying(ResellerOrderAccepted.class,
                accepted -> assertThat(accepted.getHeldUntilPaid()).isTrue());
        assertThat(reseller.state().month()).isEqualTo(YearMonth.of(2026, 11));
    }

    private List<SpecificRecord> tick(String at) {
        return reseller.when(new ClockTicked(meta(at), Instant.parse(at)));
    }

    private ResellerApplicationSubmitted application(String businessType, String at) {
        return new ResellerApplicationSubmitted(meta(at), "R-1", "Reseller One", "hello@r-1.example", "GB", null,
                businessType);
    }

    private io.channelhub.common.event.EventMeta meta(String at) {
        return EventIds.origin("cmd-" + ++ids, Instant.parse(at), "test");
    }
}
