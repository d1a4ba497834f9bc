package io.channelhub.notification;

import io.channelhub.common.event.EventMeta;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.email.SignedApprovalLinks;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferOpened;
import java.time.Instant;
import java.util.List;

/** Outcome events as transfer-service writes them, and the planner as the service builds it. */
public final class TestEvents {
    private TestEvents() {
    }

    public static final String KEY = "notification test key, 32+ characters";
    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    public static final Instant EXPIRES = Instant.parse("2026-12-07T10:00:00Z");
    /** When the planned events were written to their topics: as they happened, at {@link #T0}. */
    public static final Instant WRITTEN = T0;
    public static final ApprovalTokens TOKENS = new ApprovalTokens(KEY, ApprovalTokens.TRANSFERS);
    /** Signs with the key the tests' application.properties give the service: its links verify with TOKENS too. */
    public static final ApprovalTokens DISCOUNT_TOKENS = new ApprovalTokens(KEY, ApprovalTokens.DISCOUNTS);
    public static final EmailPlanner PLANNER = new EmailPlanner(new SignedApprovalLinks(KEY,
            "https://transfers.example/", "https://discounts.example/"));

    public static EventMeta meta(String eventId) {
        return EventMeta.newBuilder().setEventId(eventId).setOccurredAt(T0).setProducer("transfer-service").build();
    }

    public static TransferDetails details(String entitlementId) {
        return TransferDetails.newBuilder()
                .setTransferId("T-" + entitlementId).setKind(TransferKind.CHANGE_RESELLER)
                .setCustomerCompanyName("Acme <Ltd>").setEntitlementId(entitlementId).setOfferId("O-1")
                .setIsvId("ISV-1").setFromBillingAccountId("BA-1").setToBillingAccountId("BA-2")
                .setFromResellerId("R-1").setToResellerId("R-2")
                .setContact(new Contact("Ada", "ada@acme.example"))
                .setParties(List.of(
                        new Party(PartyRole.CUSTOMER, "C-1", "Acme <Ltd>", "it@acme.example"),
                        new Party(PartyRole.ISV, "ISV-1", "Vendor", "partners@vendor.example"),
                        new Party(PartyRole.CURRENT_RESELLER, "R-1", "Old Reseller", "sales@old.example"),
                        new Party(PartyRole.TARGET_RESELLER, "R-2", "New Reseller", "sales@new.example")))
                .build();
    }

    public static TransferOpened opened(String eventId, String entitlementId) {
        return new TransferOpened(meta(eventId), details(entitlementId), T0.plusSeconds(3 * 86400), EXPIRES);
    }
}
