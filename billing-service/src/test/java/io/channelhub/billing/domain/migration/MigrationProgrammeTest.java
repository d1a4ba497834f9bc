package io.channelhub.billing.domain.migration;

import static io.channelhub.billing.domain.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.common.event.EventMeta;
import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.MigrationRefused;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidOrderRecorded;
import io.channelhub.migration.event.TrialEnding;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.testing.DeciderScenario;
import io.channelhub.platform.testing.InMemoryDirectory;
import io.channelhub.pricing.AvroMoney;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The move to postpaid as the host runs it: prepaid orders recorded, the opt-in, its plans, trials on time (B5). */
class MigrationProgrammeTest {

    final MigrationProgramme programme = new MigrationProgramme(SETTINGS);
    final DeciderScenario<MigrationBook, Directory> reseller = DeciderScenario.given(programme,
            new InMemoryDirectory().withReseller(RESELLER).withAccount("ba-B", RESELLER));
    int ids;

    // B5: the opt-in migrates every recorded order; the Annual one goes on as a plan keeping its renewal date
    @Test
    void b5_theOptInMigratesTheRecordedOrdersAndChoosesTheirPlans() {
        reseller.givenHistory(recorded(A), recorded(B));
        List<SpecificRecord> events = reseller.when(new MigrationRequested(meta(OPT_IN), RESELLER));

        assertThat(events).hasSize(2);
        MigrationCompleted done = (MigrationCompleted) events.get(0);
        assertThat(done.getOrders()).extracting(o -> o.getOrderId()).containsExactly("A", "B");
        // issue 23: the e-mails name each order's customer; an account the directory does not know stays an id
        assertThat(done.getOrders()).extracting(o -> o.getCustomerName()).containsExactly(null, "Customer of ba-B");
        SubscriptionPlanChosen plan = (SubscriptionPlanChosen) events.get(1);
        assertThat(plan.getSubscriptionId()).isEqualTo("A");
        assertThat(plan.getPayerId()).isEqualTo(RESELLER);
        assertThat(plan.getTermEnd()).isEqualTo(at("2027-01-01"));
        assertThat(plan.getMeta().getOccurredAt()).isEqualTo(OPT_IN);
        assertThat(reseller.state().migration().creditBalance()).isEqualTo(eur("29.92"));

        // after the opt-in, prepaid orders are history; a second opt-in is refused with its reason
        assertThat(reseller.when(recorded(C))).isEmpty();
        MigrationRefused again = (MigrationRefused) reseller.when(new MigrationRequested(meta(at("2026-10-05")),
                RESELLER)).get(0);
        assertThat(again.getReasons()).containsExactly("ALREADY_MIGRATED");
        assertThat(programme.refusalReasons(again)).containsExactly("ALREADY_MIGRATED");
    }

    // B5: the kept trial is reminded seven days before its end and its customer suspended at the end, by the clock
    @Test
    void b5_trialsAreRemindedThenSuspendedOnTime() {
        reseller.givenHistory(recorded(A), recorded(B), new MigrationRequested(meta(OPT_IN), RESELLER));
        assertThat(programme.nextDeadline(reseller.state())).contains(at("2026-10-13T00:00:00Z"));

        assertThat(tick("2026-10-12T23:00:00Z")).isEmpty();
        assertThat(tick("2026-10-13T00:00:30Z")).singleElement().isInstanceOfSatisfying(TrialEnding.class,
                ending -> {
                    assertThat(ending.getResellerEmail()).isEqualTo("sales@" + RESELLER + ".example");
                    assertThat(ending.getResellerName()).isEqualTo("Reseller " + RESELLER);
                    assertThat(ending.getCustomerName()).isEqualTo("Customer of ba-B");
                });
        assertThat(tick("2026-10-20T00:00:30Z")).singleElement().isInstanceOfSatisfying(CustomerSuspended.class,
                suspended -> assertThat(suspended.getCustomerName()).isEqualTo("Customer of ba-B"));
        assertThat(programme.nextDeadline(reseller.state())).isEmpty();
    }

    private List<SpecificRecord> tick(String at) {
        return reseller.when(new ClockTicked(meta(at(at)), at(at)));
    }

    private PrepaidOrderRecorded recorded(PrepaidOrder o) {
        return new PrepaidOrderRecorded(meta(at("2026-10-01")), RESELLER, o.orderId(), o.billingAccountId(),
                o.customerKind().name(), o.productType().name(), o.isvId(), o.sku(), o.offerId(), o.seats(),
                AvroMoney.toAvro(o.amountPaid()), o.termStart(), o.renewalDate(), o.autoRenew(), o.status().name(),
                o.trialEnd(), o.placedAt());
    }

    private EventMeta meta(Instant at) {
        return EventIds.origin("cmd-" + ++ids, at, "test");
    }
}
