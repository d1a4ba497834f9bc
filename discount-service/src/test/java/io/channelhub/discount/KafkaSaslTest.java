package io.channelhub.discount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.stream.DiscountTopology;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.platform.testing.KafkaAclDoc;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.platform.testing.SaslKafkaBroker;
import io.channelhub.platform.PlatformDefaults;
import io.channelhub.platform.topics.TopicCatalogue;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 10: discount-service against a broker that authenticates with SASL/SCRAM-SHA-512 and authorizes with ACLs
 * (StandardAuthorizer, nothing allowed without an ACL). Its principal gets exactly the ACLs docs/security.md lists
 * for it, and its security settings are the documented environment variables. It provisions its topics (failing the
 * start if it may not), runs its topology with exactly-once, ticks, and decides a discount: so every client it
 * builds authenticated, and the documented ACLs are enough. What they do not grant is refused.
 */
class KafkaSaslTest {

    static final String USER = "channelhub-" + DiscountTopology.SERVICE;
    static final String PASSWORD = "discount-" + UUID.randomUUID();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ISV = "ISV-" + RUN;
    static final String RESELLER = "R-" + RUN;
    static final String ACCOUNT = "A-" + RUN;

    static Path dir;
    static SaslKafkaBroker broker;
    static KafkaTestClient superUser;
    static ConfigurableApplicationContext service;

    @BeforeAll
    static void brokerWithTheDocumentedAclsAndTheService() throws IOException {
        dir = Files.createTempDirectory("channelhub-sasl-test");
        broker = SaslKafkaBroker.start(dir.resolve("broker"));
        broker.addUser(USER, PASSWORD);
        broker.allow(KafkaAclDoc.bindings(KafkaAclDoc.read().service(DiscountTopology.SERVICE), "User:" + USER));
        superUser = new KafkaTestClient(broker.plaintextBootstrap());
        service = start();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (superUser != null) {
            superUser.close();
        }
        if (broker != null) {
            broker.close();
        }
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void theServiceRunsOnTheDocumentedAclsAlone() throws Exception {
        await().atMost(WAIT).until(() -> service.getBean(StreamsRunner.class).state() == KafkaStreams.State.RUNNING);
        // it provisioned every topic it is meant to (fail-fast: a refused CREATE would have failed the start)
        Set<String> provisioned = TopicCatalogue.newTopics(PlatformDefaults.topics()
                        .with(List.of(Topics.DIRECTORY_EVENTS), List.of()), DiscountTopology.SERVICE)
                .stream().map(NewTopic::name).collect(Collectors.toSet());
        assertThat(broker.admin().listTopics().names().get()).containsAll(provisioned);

        superUser.send(Topics.DIRECTORY_EVENTS, "isv:" + ISV, new IsvRegistered(meta(), ISV, "Vendor",
                "isv@example.com", true));
        superUser.send(Topics.DIRECTORY_EVENTS, "reseller:" + RESELLER, new ResellerRegistered(meta(), RESELLER,
                "Reseller", "r@example.com", "IT", java.util.List.of(), null));
        superUser.send(Topics.DIRECTORY_EVENTS, "account:" + ACCOUNT, new BillingAccountRegistered(meta(), ACCOUNT,
                "C", "Acme", "acme@example.com", RESELLER, null));
        EventSerde serde = new EventSerde();
        await().atMost(WAIT).until(() -> superUser.readAll(ReferenceTable.tableTopic(DiscountTopology.SERVICE,
                Topics.DIRECTORY_EVENTS)).stream().anyMatch(r -> serde.decode(r.value())
                instanceof BillingAccountRegistered a && a.getBillingAccountId().equals(ACCOUNT)));

        superUser.send(Topics.DISCOUNTS_COMMANDS, Keys.discounts(ISV, RESELLER), DiscountConfigurationRequested
                .newBuilder().setMeta(meta()).setIsvId(ISV).setResellerId(RESELLER).setBillingAccountId(ACCOUNT)
                .setPercent(new BigDecimal("10.00"))
                .setStartsAt(Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS)).build());

        superUser.await(Topics.DISCOUNTS_EVENTS, DiscountProposed.class, p -> p.getTerms().getIsvId().equals(ISV), 1,
                WAIT);
        // the ticker's producer too (idempotent, no IDEMPOTENT_WRITE on the cluster needed)
        superUser.await(Topics.DISCOUNTS_COMMANDS, ClockTicked.class,
                t -> t.getMeta().getProducer().equals(DiscountTopology.SERVICE), 3, WAIT);
        assertThat(service.getBean(StreamsRunner.class).state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    @Test
    void whatTheAclsDoNotGrantIsRefused() {
        Map<String, Object> config = new HashMap<>(broker.clientSettings(USER, PASSWORD));
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(Topics.BILLING_EVENTS, 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** Security settings as the environment variables docs/security.md gives; the rest as arguments. */
    private static ConfigurableApplicationContext start() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-"
                + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                        "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", SaslKafkaBroker.MECHANISM,
                        "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", SaslKafkaBroker.jaasConfig(USER, PASSWORD))));
        // arguments, not builder properties: the service's own defaults would override those (D-3)
        return new SpringApplicationBuilder(DiscountServiceApplication.class).environment(environment).run(
                "--spring.kafka.bootstrap-servers=" + broker.saslBootstrap(),
                "--spring.kafka.streams.state-dir=" + dir.resolve("state"),
                "--spring.kafka.admin.fail-fast=true",
                "--server.port=0",
                "--channelhub.clock.enabled=true",
                "--channelhub.clock.period=PT0.5S");
    }

    private static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setProducer("test").build();
    }
}
