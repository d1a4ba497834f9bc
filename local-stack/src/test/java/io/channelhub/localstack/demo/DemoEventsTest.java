package io.channelhub.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.localstack.demo.DemoEvents.Publication;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoEventsTest {

    private static List<Publication> scenario(Instant at) {
        List<Publication> all = new ArrayList<>(DemoEvents.referenceData(at));
        all.add(DemoEvents.transferRequest(at));
        all.add(DemoEvents.discountOffer(at));
        return all;
    }

    @Test
    void playingItAgainLaterRepeatsEveryEventIdSoServicesTreatItAsAReplay() {
        List<String> first = scenario(Instant.parse("2026-01-01T00:00:00Z")).stream()
                .map(p -> Events.eventId(p.event())).toList();
        List<String> later = scenario(Instant.parse("2026-06-01T12:00:00Z")).stream()
                .map(p -> Events.eventId(p.event())).toList();

        assertThat(later).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void keysFollowTheTopicCatalogue() {
        for (Publication publication : scenario(Instant.now())) {
            switch (publication.topic()) {
                case Topics.DIRECTORY_EVENTS -> assertThat(publication.key()).matches("(isv|reseller|account):.+");
                case Topics.ENTITLEMENTS_EVENTS, Topics.TRANSFERS_COMMANDS ->
                        assertThat(publication.key()).isEqualTo(DemoEvents.ENTITLEMENT);
                case Topics.DISCOUNTS_COMMANDS -> assertThat(publication.key())
                        .isEqualTo(DemoEvents.ISV + "|" + DemoEvents.CURRENT_RESELLER);
                default -> throw new AssertionError("unexpected topic " + publication.topic());
            }
        }
    }

    @Test
    void describesAChangeOfResellerOfAResaleEnabledIsvsEntitlement() {
        List<Publication> reference = DemoEvents.referenceData(Instant.now());
        TransferRequested request = (TransferRequested) DemoEvents.transferRequest(Instant.now()).event();

        IsvRegistered isv = only(reference, IsvRegistered.class);
        EntitlementActivated entitlement = only(reference, EntitlementActivated.class);
        List<BillingAccountRegistered> accounts = reference.stream().map(Publication::event)
                .filter(BillingAccountRegistered.class::isInstance).map(BillingAccountRegistered.class::cast).toList();

        assertThat(isv.getResaleEnabled()).isTrue();
        assertThat(entitlement.getBillingAccountId()).isEqualTo(request.getCurrentBillingAccountId());
        assertThat(request.getKind()).isEqualTo(TransferKind.CHANGE_RESELLER);
        assertThat(request.getContactName()).isNotBlank();
        assertThat(request.getContactEmail()).contains("@");
        assertThat(accounts).extracting(BillingAccountRegistered::getBillingAccountId)
                .containsExactlyInAnyOrder(request.getCurrentBillingAccountId(), request.getTargetBillingAccountId());
        assertThat(accounts).extracting(BillingAccountRegistered::getResellerId).doesNotContainNull()
                .doesNotHaveDuplicates();
    }

    @Test
    void everyEventEncodesWithTheProjectSerde() {
        EventSerde serde = new EventSerde();
        for (Publication publication : scenario(Instant.now())) {
            assertThat(serde.decode(serde.encode(publication.event()))).isEqualTo(publication.event());
        }
    }

    private static <T> T only(List<Publication> publications, Class<T> type) {
        List<T> matching = publications.stream().map(Publication::event).filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
