package io.channelhub.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Time as an input: one ClockTicked per partition of each command topic, on the real broker. */
class ClockTickerTest {

    @Test
    void eachTickReachesEveryPartitionWithTheSameDerivedIdOnReplay() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaTestClient kafka = KafkaTestClient.embedded().createTopics()) {
            var producer = new KafkaProducer<String, SpecificRecord>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrap()), new StringSerializer(), new EventSerde());
            ClockTicker ticker = new ClockTicker(producer, List.of(Topics.DISCOUNTS_COMMANDS), Duration.ofSeconds(1),
                    "test", Clock.fixed(now, ZoneOffset.UTC), registry);
            ticker.tick();
            ticker.tick();
            ticker.stop();

            List<ConsumerRecord<String, byte[]>> records = kafka.readAll(Topics.DISCOUNTS_COMMANDS);
            assertThat(records).hasSize(6);
            assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
            List<ClockTicked> ticks = kafka.events(Topics.DISCOUNTS_COMMANDS, ClockTicked.class);
            assertThat(ticks).allSatisfy(t -> assertThat(t.getAt()).isEqualTo(now));
            // the same instant on the same partition is the same tick: two ticks, three distinct ids
            assertThat(ticks.stream().map(t -> t.getMeta().getEventId()).distinct()).hasSize(3);
            assertThat(registry.counter(MetricNames.TICKS, "topic", Topics.DISCOUNTS_COMMANDS).count()).isEqualTo(2.0);
        }
    }
}
