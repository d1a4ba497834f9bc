package io.channelhub.billing.domain.reseller;

import io.channelhub.billing.domain.Producer;
import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.decider.Decider;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.reseller.event.ResellerApplicationSubmitted;
import io.channelhub.reseller.event.ResellerOrderRequested;
import io.channelhub.reseller.event.ResellerPaymentReceived;
import io.channelhub.reseller.event.ResellerRequestRefused;
import io.channelhub.reseller.event.ResellerTermsChanged;
import io.channelhub.reseller.event.TemporaryLicenceRequested;
import io.channelhub.schemas.Events;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * The reseller programme (R1–R7) of one reseller as a {@link Decider}: the upstream commands become
 * {@link ResellerCommand}s, {@link ResellerDecider} decides each, and what it brings about becomes the events others
 * read; every refusal is a {@code ResellerRequestRefused} with its reasons, sent to whoever is known to ask. The
 * deadline is the start of the next month (R5: statements, interest, prepay). Facts: the sales-tax rates (R6).
 */
public final class ResellerProgramme implements Decider<ResellerAccount, Supplier<SalesTaxRates>> {

    private final ResellerSettings settings;

    public ResellerProgramme(ResellerSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean accepts(SpecificRecord command) {
        return command instanceof ResellerApplicationSubmitted || command instanceof ResellerTermsChanged
                || command instanceof ResellerOrderRequested || command instanceof TemporaryLicenceRequested
                || command instanceof ResellerPaymentReceived;
    }

    @Override
    public Decision<ResellerAccount> decide(SpecificRecord command, ResellerAccount state,
            Supplier<SalesTaxRates> taxRates, Instant now) {
        EventMeta meta = Events.meta(command);
        String resellerId = resellerId(command);
        List<ResellerCommand> commands;
        try {
            commands = commands(command);
        } catch (IllegalArgumentException e) { // an enum value upstream does not have
            return Decision.only(refused(meta, resellerId, null, List.of(RefusalReason.INVALID_FIELD.name()),
                    e.getMessage(), contact(command, state)));
        }
        ResellerAccount account = state;
        List<SpecificRecord> events = new ArrayList<>();
        for (ResellerCommand each : commands) {
            ResellerDecision decision = ResellerDecider.decide(each, account, settings, taxRates.get(), now);
            if (decision instanceof ResellerDecision.Refused refused) {
                events.add(refused(meta, resellerId, orderId(each), refused.reasons().stream().map(Enum::name)
                        .toList(), refused.detail(), contact(command, account)));
            } else {
                account = accepted((ResellerDecision.Accepted) decision, meta, events);
            }
        }
        return new Decision<>(events, account == state ? null : account);
    }

    /** R5: the first instant of a month after the account's starts it: statement, interest, prepay. */
    @Override
    public Decision<ResellerAccount> deadlines(ResellerAccount state, Supplier<SalesTaxRates> taxRates,
            EventMeta cause, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        if (state == null || state.month() == null || !state.month().isBefore(current)) {
            return Decision.nothing();
        }
        // the ids derive from the reseller and the month, whichever tick or command got there first
        EventMeta meta = EventIds.origin(EventIds.derive(state.resellerId() + "|" + current, "MonthStarted", 0),
                now, Producer.BILLING);
        List<SpecificRecord> events = new ArrayList<>();
        ResellerAccount after = accepted((ResellerDecision.Accepted) ResellerDecider.decide(
                new ResellerCommand.MonthStarted(current), state, settings, new SalesTaxRates(Map.of()),
                now), meta, events);
        return new Decision<>(events, after);
    }

    @Override
    public Optional<Instant> nextDeadline(ResellerAccount state) {
        return state == null || state.month() == null ? Optional.empty()
                : Optional.of(state.month().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public List<String> refusalReasons(SpecificRecord event) {
        return event instanceof ResellerRequestRefused refused ? refused.getReasons() : List.of();
    }

    private static ResellerAccount accepted(ResellerDecision.Accepted accepted, EventMeta meta,
            List<SpecificRecord> events) {
        int index = 0;
        for (ResellerOutcome outcome : accepted.outcomes()) {
            ResellerEvents.of(outcome, accepted.state(), meta, index++).ifPresent(events::add);
        }
        return accepted.state();
    }

    private static List<ResellerCommand> commands(SpecificRecord command) {
        List<ResellerCommand> commands = new ArrayList<>();
        if (command instanceof ResellerApplicationSubmitted application) {
            commands.add(new ResellerCommand.Register(application.getResellerId(), application.getName(),
                    application.getContactEmail(), application.getCountry(), application.getUsState(),
                    BusinessType.valueOf(application.getBusinessType())));
        } else if (command instanceof ResellerTermsChanged terms) {
            if (terms.getDiscountPercent() != null) {
                commands.add(new ResellerCommand.SetDiscount(terms.getDiscountPercent()));
            }
            if (terms.getExemptionCertificateId() != null) {
                commands.add(new ResellerCommand.FileExemptionCertificate(terms.getExemptionCertificateId(),
                        terms.getExemptionExpiresOn()));
            }
        } else if (command instanceof ResellerOrderRequested order) {
            commands.add(new ResellerCommand.PlaceOrder(order.getOrderId(), order.getCustomerName(),
                    order.getCustomerEmail(), order.getLines().stream().map(l -> new OrderLine(l.getSku(),
                            l.getQuantity(), AvroMoney.fromAvro(l.getUnitPrice()))).toList()));
        } else if (command instanceof TemporaryLicenceRequested request) {
            commands.add(new ResellerCommand.RequestTemporaryLicence(request.getOrderId()));
        } else if (command instanceof ResellerPaymentReceived payment) {
            commands.add(new ResellerCommand.RecordPayment(payment.getOrderId(),
                    PaymentMethod.valueOf(payment.getMethod().name()), AvroMoney.fromAvro(payment.getAmount())));
        }
        return commands;
    }

    /** The reseller a command names: resellers.commands is keyed by resellerId, but upstream may key otherwise. */
    @Override
    public String aggregateId(SpecificRecord command, String recordKey) {
        return resellerId(command);
    }

    private static String resellerId(SpecificRecord command) {
        if (command instanceof ResellerApplicationSubmitted c) {
            return c.getResellerId();
        }
        if (command instanceof ResellerTermsChanged c) {
            return c.getResellerId();
        }
        if (command instanceof ResellerOrderRequested c) {
            return c.getResellerId();
        }
        if (command instanceof TemporaryLicenceRequested c) {
            return c.getResellerId();
        }
        return ((ResellerPaymentReceived) command).getResellerId();
    }

    /** Whom to tell of a refusal: the account's contact, or, for an applicant without one, the application's. */
    private static String contact(SpecificRecord command, ResellerAccount account) {
        if (account != null) {
            return account.email();
        }
        return command instanceof ResellerApplicationSubmitted application ? application.getContactEmail() : null;
    }

    private static String orderId(ResellerCommand command) {
        if (command instanceof ResellerCommand.PlaceOrder order) {
            return order.orderId();
        }
        if (command instanceof ResellerCommand.RequestTemporaryLicence request) {
            return request.orderId();
        }
        if (command instanceof ResellerCommand.RecordPayment payment) {
            return payment.orderId();
        }
        return null;
    }

    private static ResellerRequestRefused refused(EventMeta cause, String resellerId, String orderId,
            List<String> reasons, String detail, String contactEmail) {
        return new ResellerRequestRefused(EventIds.causedBy(cause, "ResellerRequestRefused", 0, Producer.BILLING),
                cause.getEventId(), resellerId, orderId, reasons, detail, contactEmail);
    }
}
