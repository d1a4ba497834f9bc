package io.channelhub.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares ({@code channelhub.*}). Kafka connection and security settings stay under
 * {@code spring.kafka.*} so they pass through to every client and Streams app unchanged.
 */
@ConfigurationProperties("channelhub")
public record ChannelHubProperties(String serviceName, TopicSettings topics, ClockSettings clock,
        StreamsSettings streams, SchemaRegistrySettings schemaRegistry) {

    public ChannelHubProperties {
        schemaRegistry = schemaRegistry != null ? schemaRegistry : new SchemaRegistrySettings(null);
        topics = topics != null ? topics : new TopicSettings(3, (short) 1, null, null, null);
        clock = clock != null ? clock : new ClockSettings(false, Duration.ofSeconds(60), List.of());
        streams = streams != null ? streams : new StreamsSettings(null, null, 0);
    }

    /**
     * The schema registry every event's writer schema is registered in and read from (the Confluent API's root,
     * e.g. {@code http://localhost:8085/apis/ccompat/v7}). Required: a service does not start without one.
     */
    public record SchemaRegistrySettings(String url) {
    }

    /**
     * When the service stops being ready (X1): an input partition with records waiting that has not advanced for
     * {@code stallTimeout}, or {@code threadFailures} stream-thread failures within it. The broker is asked every
     * {@code progressInterval}.
     */
    public record StreamsSettings(Duration stallTimeout, Duration progressInterval, int threadFailures) {
        public StreamsSettings {
            stallTimeout = stallTimeout != null ? stallTimeout : Duration.ofSeconds(60);
            progressInterval = progressInterval != null ? progressInterval : Duration.ofSeconds(5);
            threadFailures = threadFailures > 0 ? threadFailures : 3;
        }
    }

    /**
     * Partitions of every topic: one count everywhere keeps topics that share a key co-partitioned.
     * {@code partitionsOf}: the topics (and their DLTs) with a count of their own, ones no processor joins with
     * another topic by key: the outbox, whose partitions are how many senders can send at once (D-129).
     * {@code referenceTables}: the reference topics the service keeps a validated, compacted copy of (its global
     * stores; the directory when unset: a service's own defaults file ranks below these shared defaults, so the
     * default is here); {@code own}: topics only this service writes and reads (re-keyed streams).
     */
    public record TopicSettings(int partitions, short replicationFactor, List<String> referenceTables,
            List<String> own, Map<String, Integer> partitionsOf) {
        public TopicSettings {
            referenceTables = referenceTables != null && !referenceTables.isEmpty() ? List.copyOf(referenceTables)
                    : List.of(io.channelhub.schemas.Topics.DIRECTORY_EVENTS);
            own = own != null ? List.copyOf(own) : List.of();
            partitionsOf = partitionsOf != null ? Map.copyOf(partitionsOf) : Map.of();
        }

        /** The same counts, for a service with these reference tables and own topics. */
        public TopicSettings with(List<String> referenceTables, List<String> own) {
            return new TopicSettings(partitions, replicationFactor, referenceTables, own, partitionsOf);
        }

        /** The partitions of {@code topic}. */
        public int partitions(String topic) {
            return partitionsOf.getOrDefault(topic, partitions);
        }
    }

    /** The ticker: which command topics get a ClockTicked on every partition, and how often. */
    public record ClockSettings(boolean enabled, Duration period, List<String> topics) {
        public ClockSettings {
            period = period != null ? period : Duration.ofSeconds(60);
            topics = topics != null ? List.copyOf(topics) : List.of();
        }
    }
}
