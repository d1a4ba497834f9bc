package io.channelhub.schemas;

import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRefused;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.event.InvoiceNotIssued;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionHandedOver;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionRefused;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.OfferListed;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountActionRefused;
import io.channelhub.discount.event.DiscountCancellationRequested;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.entitlement.event.EntitlementCancelled;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.MigrationRefused;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidOrderRecorded;
import io.channelhub.migration.event.TrialDecisionRequested;
import io.channelhub.migration.event.TrialEnding;
import io.channelhub.notification.event.EmailFailed;
import io.channelhub.notification.event.EmailParked;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.event.InputRefused;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.pricing.event.RevenueShareSet;
import io.channelhub.pricing.event.SalesTaxRateSet;
import io.channelhub.reseller.event.ResellerAccountOpened;
import io.channelhub.reseller.event.ResellerApplicationSubmitted;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.reseller.event.ResellerOrderRequested;
import io.channelhub.reseller.event.ResellerPaymentReceived;
import io.channelhub.reseller.event.ResellerPaymentRecorded;
import io.channelhub.reseller.event.ResellerPrepayChanged;
import io.channelhub.reseller.event.ResellerRequestRefused;
import io.channelhub.reseller.event.ResellerStatementIssued;
import io.channelhub.reseller.event.ResellerTermsChanged;
import io.channelhub.reseller.event.TemporaryLicenceIssued;
import io.channelhub.reseller.event.TemporaryLicenceRequested;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentRecorded;
import io.channelhub.transfer.event.TransferConsentRefused;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferDetailsSupplied;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRefused;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferReminded;
import io.channelhub.transfer.event.TransferRequested;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event type that may travel on a topic. The serde, the schema store, the compatibility gate and ops-cli
 * all start from this list; a test checks it against the .avsc files so none is forgotten.
 */
public final class EventCatalog {
    private EventCatalog() {
    }

    public static final List<Class<? extends SpecificRecord>> EVENT_TYPES = List.of(
            ClockTicked.class, InputRefused.class,
            IsvRegistered.class, ResellerRegistered.class, BillingAccountRegistered.class, OfferListed.class,
            EntitlementActivated.class, EntitlementMoved.class, EntitlementCancelled.class,
            TransferRequested.class, TransferDetailsSupplied.class, TransferConsentSubmitted.class,
            TransferOpened.class, TransferInfoRequested.class, TransferRefused.class, TransferConsentRecorded.class,
            TransferConsentRefused.class, TransferReminded.class, TransferCompleted.class, TransferRejected.class,
            TransferExpired.class,
            DiscountConfigurationRequested.class, DiscountAcceptanceSubmitted.class,
            DiscountCancellationRequested.class, DiscountProposed.class, DiscountRefused.class,
            DiscountAccepted.class, DiscountActionRefused.class, DiscountStarted.class, DiscountEnded.class,
            DiscountLapsed.class, DiscountCancelled.class,
            PriceListed.class, ResellerMarginSet.class, RevenueShareSet.class,
            SubscriptionPlanChosen.class, SubscriptionChangeRequested.class, SubscriptionHandedOver.class,
            SubscriptionUpdated.class,
            SubscriptionRefused.class, InvoiceIssued.class, IsvInvoiceLines.class, PayoutStatementIssued.class,
            CreditNoteRequested.class, CreditNoteIssued.class, CreditNoteRefused.class, InvoiceNotIssued.class,
            DocumentNumbered.class,
            SalesTaxRateSet.class,
            ResellerApplicationSubmitted.class, ResellerTermsChanged.class, ResellerOrderRequested.class,
            TemporaryLicenceRequested.class, ResellerPaymentReceived.class, ResellerAccountOpened.class,
            ResellerRequestRefused.class, ResellerOrderAccepted.class, ResellerOrderReleased.class,
            TemporaryLicenceIssued.class, ResellerPaymentRecorded.class, ResellerStatementIssued.class,
            ResellerPrepayChanged.class, PrepaidOrderRecorded.class, MigrationRequested.class,
            TrialDecisionRequested.class, MigrationCompleted.class, MigrationRefused.class, PrepaidInvoiceIssued.class,
            TrialEnding.class, CustomerSuspended.class,
            EmailRequested.class, EmailSent.class, EmailFailed.class, EmailParked.class);

    private static final Map<String, Class<? extends SpecificRecord>> BY_NAME = EVENT_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(c -> c.getName(), Function.identity()));

    /** Finds a type by its full name ({@code io.channelhub.transfer.event.TransferRequested}) or simple name. */
    public static Optional<Class<? extends SpecificRecord>> byName(String name) {
        Class<? extends SpecificRecord> exact = BY_NAME.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return EVENT_TYPES.stream().filter(c -> c.getSimpleName().equals(name)).findFirst();
    }
}
