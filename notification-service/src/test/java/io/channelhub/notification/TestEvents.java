package io.channelhub.notification;

import io.channelhub.common.event.EventMeta;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferOpened;
import java.time.Instant;
import java.util.List;

/** Outcome events as transfer-service writes them. */
public final class TestEvents {
    private TestEvents() {
    }

    public static TransferOpened opened(String eventId, String entitlementId) {
        return TransferOpened.newBuilder()
                .setMeta(EventMeta.newBuilder().setEventId(eventId).setOccurredAt(Instant.parse("2026-11-23T10:00:00Z"))
                        .setProducer("transfer-service").build())
                .setTransferId("T-" + eventId).setKind(TransferKind.CHANGE_RESELLER)
                .setCustomerCompanyName("Acme <Ltd>").setEntitlementId(entitlementId).setOfferId("O-1")
                .setFromBillingAccountId("BA-1").setToBillingAccountId("BA-2")
                .setFromResellerId("R-1").setToResellerId("R-2")
                .setContact(new Contact("Ada", "ada@acme.example"))
                .setParties(List.of(
                        new Party(PartyRole.CUSTOMER, "C-1", "Acme <Ltd>", "it@acme.example"),
                        new Party(PartyRole.ISV, "ISV-1", "Vendor", "partners@vendor.example"),
                        new Party(PartyRole.CURRENT_RESELLER, "R-1", "Old Reseller", "sales@old.example"),
                        new Party(PartyRole.TARGET_RESELLER, "R-2", "New Reseller", "sales@new.example")))
                .build();
    }
}
