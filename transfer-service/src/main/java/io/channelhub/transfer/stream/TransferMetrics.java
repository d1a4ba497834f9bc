package io.channelhub.transfer.stream;

import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.dedupe.Dedupe;
import io.channelhub.platform.metrics.KnownSeries;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.domain.ProblemCode;
import io.channelhub.transfer.domain.RefusalCode;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentRecorded;
import io.channelhub.transfer.event.TransferConsentRefused;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferDetailsSupplied;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRefused;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferReminded;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.state.TransferState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Business metrics of transfers (X3): outcomes by kind, approval latency (refusals by reason are the decider
 * host's). Recorded once per outcome event, which is written once per command id (replays are deduped before they
 * get here).
 */
public final class TransferMetrics {

    public static final String TRANSFERS = MetricNames.name("transfers", "outcomes");
    public static final String APPROVAL_LATENCY = MetricNames.name("transfers", "approval.latency");
    public static final String OPEN = MetricNames.name("transfers", "open");

    private final MeterRegistry registry;
    private final Timer approvalLatency;

    public TransferMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.approvalLatency = Timer.builder(APPROVAL_LATENCY)
                .description("Time from a transfer opening to each party's approval (event time)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(30)).register(registry);
    }

    /**
     * Every series this service counts, at 0 from the start (docs/metrics.md): outcomes by kind, refusals by
     * code, refused links by reason, outcome events by type, duplicates and stale commands.
     */
    public static KnownSeries knownSeries() {
        String service = TransferTopology.SERVICE;
        return KnownSeries.counters(TRANSFERS).tag("kind", (Object[]) TransferKind.values())
                .tag("outcome", "opened", "completed", "rejected", "expired")
                .and(KnownSeries.counters(TRANSFERS).tag("kind", "unknown")
                        .tag("outcome", "info_requested", "refused", "expired"))
                .and(KnownSeries.refusals(service, List.of(TransferInfoRequested.class),
                        List.of(ProblemCode.values())))
                .and(KnownSeries.refusals(service, List.of(TransferRefused.class, TransferConsentRefused.class),
                        List.of(RefusalCode.values())))
                .and(KnownSeries.refusals(service, List.of("ApprovalToken"), ApprovalTokens.REFUSAL_REASONS))
                .and(KnownSeries.outcomes(service, List.of(TransferOpened.class, TransferInfoRequested.class,
                        TransferRefused.class, TransferConsentRecorded.class, TransferConsentRefused.class,
                        TransferReminded.class, TransferCompleted.class, TransferRejected.class,
                        TransferExpired.class, EntitlementMoved.class)))
                .and(Dedupe.knownSeries(service, Topics.TRANSFERS_COMMANDS, List.of(TransferRequested.class,
                        TransferDetailsSupplied.class, TransferConsentSubmitted.class)));
    }

    /** Counts one outcome event; {@code before} is the transfer as it was when the cause arrived. */
    public void record(SpecificRecord event, TransferState before, Instant now) {
        if (event instanceof TransferOpened e) {
            outcome(e.getDetails(), "opened");
        } else if (event instanceof TransferInfoRequested) {
            registry.counter(TRANSFERS, "kind", "unknown", "outcome", "info_requested").increment();
        } else if (event instanceof TransferRefused) {
            registry.counter(TRANSFERS, "kind", "unknown", "outcome", "refused").increment();
        } else if (event instanceof TransferConsentRecorded e && e.getDecision() == ConsentDecision.APPROVE
                && before != null && before.getOpenedAt() != null) {
            approvalLatency.record(Duration.between(before.getOpenedAt(), now));
        } else if (event instanceof TransferCompleted e) {
            outcome(e.getDetails(), "completed");
        } else if (event instanceof TransferRejected e) {
            outcome(e.getDetails(), "rejected");
        } else if (event instanceof TransferExpired e) {
            if (e.getDetails() != null) {
                outcome(e.getDetails(), "expired");
            } else {
                registry.counter(TRANSFERS, "kind", "unknown", "outcome", "expired").increment();
            }
        }
    }

    /** A refused approval link (forged, expired, malformed token): counted where it is refused, at the edge. */
    public void refusedToken(String reason) {
        registry.counter(MetricNames.REFUSALS, "service", TransferTopology.SERVICE, "type", "ApprovalToken",
                "reason", reason).increment();
    }

    private void outcome(TransferDetails details, String outcome) {
        registry.counter(TRANSFERS, "kind", details.getKind().name(), "outcome", outcome).increment();
    }
}
