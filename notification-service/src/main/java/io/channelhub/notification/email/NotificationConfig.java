package io.channelhub.notification.email;

import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.stream.NotificationTopology;
import io.channelhub.platform.metrics.ConsumerMeters;
import io.channelhub.platform.metrics.KnownSeries;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Wiring of the outbox: the planning topology, the SMTP sender and its Kafka plumbing. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfig {

    static final String OUTBOX_FACTORY = "emailOutboxContainerFactory";
    static final String BULK_OUTBOX_FACTORY = "emailBulkOutboxContainerFactory";
    /** The outbox consumers' group (docs/security.md: its ACLs). */
    public static final String SENDER_GROUP = "channelhub-notification-sender";

    /** Fails the start without the signing key: a consent request without working links asks for nothing. */
    @Bean
    EmailPlanner emailPlanner(@Value("${channelhub.approvals.key:}") String key,
            @Value("${channelhub.approvals.base-url}") String transfersBaseUrl,
            @Value("${channelhub.discounts.acceptance-base-url}") String discountsBaseUrl) {
        if (key.isBlank()) {
            throw new IllegalStateException("channelhub.approvals.key is not set: notification-service signs the "
                    + "approval links with it (the same secret as transfer-service's and discount-service's, at "
                    + "least 32 characters; e.g. environment variable CHANNELHUB_APPROVALS_KEY)");
        }
        return new EmailPlanner(new SignedApprovalLinks(key, transfersBaseUrl, discountsBaseUrl));
    }

    /**
     * The counters' series at 0 from the start, so a first failed or parked e-mail is counted and alerted on
     * (Spring Boot binds every MeterBinder bean to the registry): each e-mail counter for every template.
     */
    @Bean
    KnownSeries notificationSeries() {
        return KnownSeries.counters(MetricNames.name("emails", "requested"), MetricNames.name("emails", "sent"),
                        MetricNames.name("emails", "failed"), MetricNames.name("emails", "parked"))
                .tag("template", EmailRenderer.templates())
                .and(KnownSeries.counters(MetricNames.DUPLICATES).tag("service", NotificationTopology.SERVICE)
                        .tag("topic", Topics.NOTIFICATIONS_OUTBOX));
    }

    @Bean
    Topology notificationTopology(MeterRegistry registry, EmailPlanner planner) {
        return NotificationTopology.build(registry, planner, new EmailRenderer());
    }

    @Bean
    EmailSender emailSender(JavaMailSenderImpl mail, SmtpConnections connections,
            KafkaTemplate<String, SpecificRecord> events, DefaultErrorHandler outboxErrorHandler,
            MeterRegistry registry, @Value("${channelhub.mail.from}") String from,
            @Value("${channelhub.mail.confirm-every}") int confirmEvery) {
        return new EmailSender(mail, connections, events, outboxErrorHandler, registry, from, confirmEvery);
    }

    /** A bean, so the context quits the kept SMTP connections on shutdown, after the senders stopped. */
    @Bean
    SmtpConnections smtpConnections(JavaMailSenderImpl mail,
            @Value("${channelhub.mail.tcp-no-delay:true}") boolean tcpNoDelay) {
        // every SMTP socket without Nagle's delay (D-122); not SMTPS's (null: JavaMail's default, SMTP)
        if (tcpNoDelay && (mail.getProtocol() == null || "smtp".equals(mail.getProtocol()))) {
            Properties properties = mail.getJavaMailProperties();
            properties.put("mail.smtp.socketFactory", new NoDelaySockets());
            mail.setJavaMailProperties(properties); // a session made before is made again with it
        }
        return new SmtpConnections(mail);
    }

    @Bean
    EmailParking emailParking(KafkaTemplate<String, SpecificRecord> events, MeterRegistry registry) {
        return new EmailParking(events, registry);
    }

    /** A bean, so the context closes its producer on shutdown. */
    @Bean
    DefaultKafkaProducerFactory<String, SpecificRecord> eventProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // an outbox record (up to the size of the topics the services write) can be parked whole
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.OWN_MAX_BYTES);
        // EmailSent records go out as their e-mails are accepted and are awaited at each confirmation: waiting for a
        // fuller batch would only delay it
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventSerde());
    }

    @Bean
    KafkaTemplate<String, SpecificRecord> eventTemplate(DefaultKafkaProducerFactory<String, SpecificRecord> factory) {
        return new KafkaTemplate<>(factory);
    }

    /**
     * Resumes the outbox consumer after each back-off. Not a default candidate: as an Executor bean it would
     * otherwise take the place of Boot's applicationTaskExecutor.
     */
    @Bean(defaultCandidate = false)
    ThreadPoolTaskScheduler emailRetryScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("email-retry-");
        return scheduler;
    }

    /**
     * Exponential back-off while SMTP is down, counted per e-mail; after the last attempt the e-mail is parked so
     * the partition moves on (N1). The back-off pauses the container instead of sleeping in the consumer thread:
     * waits longer than max.poll.interval.ms would otherwise cost the consumer its partitions.
     */
    @Bean
    DefaultErrorHandler outboxErrorHandler(EmailParking parking,
            @Qualifier("emailRetryScheduler") TaskScheduler retryScheduler,
            @Value("${channelhub.mail.retry.initial}") Duration initial,
            @Value("${channelhub.mail.retry.max}") Duration max,
            @Value("${channelhub.mail.retry.max-attempts}") int maxAttempts) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(maxAttempts - 1);
        backOff.setInitialInterval(initial.toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(max.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(parking, backOff,
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, retryScheduler)));
        // a malformed address or a 5xx fails the same way every time: parked at once, the partition moves on
        handler.addNotRetryableExceptions(DeliveryFailure.PermanentException.class);
        return handler;
    }

    /** The interactive outbox's senders: one per partition ({@code channelhub.mail.senders}). */
    @Bean(OUTBOX_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> outboxFactory(KafkaProperties kafka,
            DefaultErrorHandler outboxErrorHandler, @Value("${channelhub.mail.senders}") int senders,
            MeterRegistry registry) {
        return senders(kafka, outboxErrorHandler, senders, registry);
    }

    /**
     * The bulk outbox's senders ({@code channelhub.mail.bulk-senders}): threads of their own, so a month-end's
     * invoices go out beside the interactive e-mails and never ahead of them (D-94).
     */
    @Bean(BULK_OUTBOX_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> bulkOutboxFactory(KafkaProperties kafka,
            DefaultErrorHandler outboxErrorHandler, @Value("${channelhub.mail.bulk-senders}") int senders,
            MeterRegistry registry) {
        return senders(kafka, outboxErrorHandler, senders, registry);
    }

    /**
     * read_committed (only e-mails of committed transactions), the offsets committed (synchronously) as the sender
     * confirms its e-mails ({@code channelhub.mail.confirm-every}), in the senders' group.
     */
    private static ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> senders(KafkaProperties kafka,
            DefaultErrorHandler outboxErrorHandler, int senders, MeterRegistry registry) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, SENDER_GROUP);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, SpecificRecord>();
        var consumers = new DefaultKafkaConsumerFactory<String, SpecificRecord>(config, new StringDeserializer(),
                new EventSerde());
        // the senders' consumer metrics (lag of notifications.outbox) next to the Streams clients'
        consumers.addListener(new ConsumerMeters<>(registry));
        factory.setConsumerFactory(consumers);
        factory.setConcurrency(senders);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.MANUAL_IMMEDIATE);
        factory.setCommonErrorHandler(outboxErrorHandler);
        return factory;
    }
}
