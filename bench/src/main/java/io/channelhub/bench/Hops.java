package io.channelhub.bench;

import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferCompleted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the path of each transfer while the stack runs, from a read_committed consumer: when its
 * {@code TransferCompleted} became visible (transfer-service's transaction committed), when its completion e-mail
 * reached the outbox (notification planning's transaction committed), and when SMTP accepted that e-mail (the
 * {@code EmailSent} record's timestamp, stamped by the sender) and that record became visible. Also counts every
 * {@code EmailSent} per Message-ID, so the audit trail's duplicates are seen too.
 */
final class Hops implements AutoCloseable {

    /** Per entitlement: the wall-clock instants (ms) at which each hop's output became visible. */
    record Path(Long completed, Long planned, Long accepted, Long recorded) {
    }

    private final EventSerde serde = new EventSerde();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<String, Long> completed = new ConcurrentHashMap<>();
    private final Map<String, Long> planned = new ConcurrentHashMap<>();
    private final Map<String, String> entitlementByMessage = new ConcurrentHashMap<>();
    private final Map<String, String> messageByEntitlement = new ConcurrentHashMap<>();
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final Map<String, Long> recorded = new ConcurrentHashMap<>();
    private final Map<String, Integer> sentRecords = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    Hops(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-hops-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.TRANSFERS_EVENTS, Topics.NOTIFICATIONS_OUTBOX, Topics.NOTIFICATIONS_EVENTS));
        thread = new Thread(this::run, "bench-hops");
        thread.setDaemon(true);
    }

    /** Starts watching once the consumer has its partitions (at their end: earlier records are not ours). */
    Hops start() {
        while (consumer.assignment().size() < 9) {
            consumer.poll(Duration.ofMillis(100));
        }
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    take(r, System.currentTimeMillis());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<String, byte[]> r, long now) {
        Object event = serde.decode(r.value());
        if (event instanceof TransferCompleted c) {
            completed.putIfAbsent(c.getDetails().getEntitlementId(), now);
        } else if (event instanceof EmailRequested e && e.getTemplate().equals("transfer-completed-isv")) {
            // each subject ends with the entitlement id
            String entitlement = e.getSubject().substring(e.getSubject().lastIndexOf(' ') + 1);
            entitlementByMessage.put(e.getMessageId(), entitlement);
            messageByEntitlement.put(entitlement, e.getMessageId());
            planned.putIfAbsent(entitlement, now);
        } else if (event instanceof EmailSent s) {
            sentRecords.merge(s.getMessageId(), 1, Integer::sum);
            accepted.putIfAbsent(s.getMessageId(), r.timestamp());
            recorded.putIfAbsent(s.getMessageId(), now);
        }
    }

    /** The hops of one transfer so far; any may still be null. */
    Path path(String entitlement) {
        String message = messageByEntitlement.get(entitlement);
        return new Path(completed.get(entitlement), planned.get(entitlement),
                message == null ? null : accepted.get(message), message == null ? null : recorded.get(message));
    }

    /** Completion e-mails accepted by SMTP so far, by entitlement. */
    Map<String, Long> acceptedByEntitlement() {
        Map<String, Long> byEntitlement = new java.util.HashMap<>();
        entitlementByMessage.forEach((message, entitlement) -> {
            Long at = accepted.get(message);
            if (at != null) {
                byEntitlement.put(entitlement, at);
            }
        });
        return byEntitlement;
    }

    /** Message-IDs with more than one {@code EmailSent} on the audit trail. */
    long duplicatedSentRecords() {
        return sentRecords.values().stream().filter(n -> n > 1).count();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
