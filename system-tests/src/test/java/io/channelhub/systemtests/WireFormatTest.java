package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.registry.ConfluentRegistryClient;
import io.channelhub.schemas.serde.EventSerde;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After every journey (issue 20): every record on every topic is the Confluent wire format with an id the real
 * schema registry knows, but for what a test wrote otherwise on purpose (the old format, garbage that was
 * dead-lettered).
 */
@ExtendWith(SystemUnderTest.class)
@Order(10)
class WireFormatTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = SystemUnderTest.kafka();
    }

    // X2: what the system and its upstream write is the Confluent format, each id the registry's
    @Test
    void everyRecordOnEveryTopicIsTheConfluentFormatWithARegisteredId() {
        ConfluentRegistryClient registry = new ConfluentRegistryClient(TestRegistry.url());
        EventSerde serde = new EventSerde();
        Set<Integer> ids = new HashSet<>();
        List<String> offenders = new ArrayList<>();
        int records = 0;
        for (String topic : Topics.ALL) {
            Set<ByteBuffer> deadLettered = new HashSet<>();
            kafka.readAll(Topics.dlt(topic)).forEach(r -> deadLettered.add(ByteBuffer.wrap(r.value())));
            for (ConsumerRecord<String, byte[]> record : kafka.readAll(topic)) {
                records++;
                byte[] value = record.value();
                if (value.length > 5 && value[0] == 0) {
                    int id = ByteBuffer.wrap(value, 1, 4).getInt();
                    ids.add(id);
                    serde.decode(value);
                } else if (!UpstreamClientTest.LEGACY.equals(record.key()) && !deadLettered.contains(ByteBuffer.wrap(value))) {
                    offenders.add(topic + "@" + record.partition() + ":" + record.offset() + " key " + record.key());
                }
            }
        }
        assertThat(offenders).as("records neither framed, nor written as old format on purpose, nor dead-lettered")
                .isEmpty();
        assertThat(records).isGreaterThan(500);
        ids.forEach(id -> assertThat(registry.schemaById(id)).as("schema " + id).isNotNull());
        assertThat(ids).hasSizeGreaterThan(30);
    }
}
