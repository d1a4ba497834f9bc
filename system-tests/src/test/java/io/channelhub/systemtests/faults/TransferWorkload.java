package io.channelhub.systemtests.faults;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fault suite's traffic: reseller-to-reseller transfers (four parties: 4 consent requests, then 4
 * confirmations and the ISV's completion, 9 e-mails each) that upstream approves as soon as each opens, as a
 * party clicking every link would. Every id carries the run's name, so counts see only this run.
 */
final class TransferWorkload implements AutoCloseable {

    static final int EMAILS_PER_TRANSFER = 9;

    private final KafkaTestClient kafka;
    private final String run;
    private final Set<String> approved = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean approving = new AtomicBoolean(true);
    private final Thread approver;

    TransferWorkload(KafkaTestClient kafka, String bootstrap, String run, int transfers) {
        this.kafka = kafka;
        this.run = run;
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:" + id("ISV"), new IsvRegistered(meta(), id("ISV"), "Fault ISV",
                "partners@" + run + ".example", true));
        for (String reseller : List.of("R1", "R2")) {
            kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + id(reseller), new ResellerRegistered(meta(),
                    id(reseller), "Reseller " + reseller, reseller.toLowerCase() + "@" + run + ".example", "IT",
                            java.util.List.of(), null));
            String account = id(reseller + "A");
            kafka.send(Topics.DIRECTORY_EVENTS, "account:" + account, new BillingAccountRegistered(meta(), account,
                    "C-" + account, "Customer " + run, "billing@" + run + ".example", id(reseller), null));
        }
        for (int i = 0; i < transfers; i++) {
            kafka.send(Topics.ENTITLEMENTS_EVENTS, entitlement(i), new EntitlementActivated(meta(), entitlement(i),
                    "O-F", id("ISV"), id("R1A")));
        }
        approver = new Thread(() -> approveAsTheyOpen(bootstrap), "approver-" + run);
        approver.setDaemon(true);
        approver.start();
        awaitDirectoryKnown();
    }

    /**
     * Upstream publishes the directory well before anyone asks; here the requests follow at once, so wait until
     * transfer-service's copy of the directory holds the run's parties.
     */
    private void awaitDirectoryKnown() {
        Set<String> ids = Set.of(id("ISV"), id("R1"), id("R2"), id("R1A"), id("R2A"));
        kafka.await(ReferenceTable.tableTopic("transfer-service", Topics.DIRECTORY_EVENTS), SpecificRecord.class,
                event -> ids.contains(partyId(event)), ids.size(), Duration.ofSeconds(120));
    }

    private static String partyId(SpecificRecord event) {
        if (event instanceof IsvRegistered isv) {
            return isv.getIsvId();
        }
        if (event instanceof ResellerRegistered reseller) {
            return reseller.getResellerId();
        }
        return event instanceof BillingAccountRegistered account ? account.getBillingAccountId() : null;
    }

    String entitlement(int i) {
        return id("E-" + i);
    }

    void request(int i) {
        kafka.send(Topics.TRANSFERS_COMMANDS, entitlement(i), TransferRequested.newBuilder().setMeta(meta())
                .setCustomerCompanyName("Customer " + run).setEntitlementId(entitlement(i)).setOfferId("O-F")
                .setCurrentBillingAccountId(id("R1A")).setTargetBillingAccountId(id("R2A")).setContactName("Dana")
                .setContactEmail("dana@" + run + ".example").build());
    }

    /** Waits until {@code count} transfers of this run opened and were approved by every party. */
    void awaitApproved(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (approved.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(approved.size() + " of " + count + " transfers approved after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private void approveAsTheyOpen(String bootstrap) {
        EventSerde serde = new EventSerde();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "approver-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSFERS_EVENTS));
            while (approving.get()) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (serde.decode(record.value()) instanceof TransferOpened opened
                            && opened.getDetails().getEntitlementId().startsWith(run)
                            && approved.add(opened.getDetails().getTransferId())) {
                        for (Party party : opened.getDetails().getParties()) {
                            kafka.send(Topics.TRANSFERS_COMMANDS, opened.getDetails().getEntitlementId(),
                                    new TransferConsentSubmitted(meta(), opened.getDetails().getTransferId(),
                                            opened.getDetails().getEntitlementId(), party.getRole(),
                                            party.getPartyId(), ConsentDecision.APPROVE, "upstream"));
                        }
                    }
                }
            }
        }
    }

    private String id(String name) {
        return run + "-" + name;
    }

    private static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setProducer("fault-suite").build();
    }

    @Override
    public void close() throws InterruptedException {
        approving.set(false);
        approver.join(5_000);
    }
}
