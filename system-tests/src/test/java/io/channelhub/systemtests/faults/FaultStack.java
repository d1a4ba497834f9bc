package io.channelhub.systemtests.faults;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.channelhub.notification.NotificationServiceApplication;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.systemtests.TestRegistry;
import io.channelhub.transfer.TransferServiceApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The system under fault: a broker of its own (the test JVM's shared one has the journeys' services on it), a
 * real SMTP server, and service instances in processes of their own, started and killed by the scenario.
 */
final class FaultStack implements AutoCloseable {

    static final Map<String, Class<?>> APPLICATIONS = Map.of(
            "transfer-service", TransferServiceApplication.class,
            "notification-service", NotificationServiceApplication.class);

    final EmbeddedKafkaKraftBroker broker;
    final GreenMail smtp;
    final KafkaTestClient kafka;
    private final Path state;
    private final String approvalKey = "faults-" + UUID.randomUUID() + UUID.randomUUID();
    private final List<ServiceProcess> processes = new ArrayList<>();

    FaultStack() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        kafka = new KafkaTestClient(broker.getBrokersAsString()).createTopics();
        state = Files.createTempDirectory("channelhub-faults");
    }

    /** Starts one instance of a service; {@code instance} names its state directory and log. */
    ServiceProcess start(String service, String instance, Map<String, String> extra) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        settings.put("channelhub.schema-registry.url", TestRegistry.url());
        settings.put("spring.kafka.streams.state-dir", state.resolve(instance).toString());
        settings.put("spring.mail.port", Integer.toString(smtp.getSmtp().getPort()));
        settings.put("channelhub.approvals.key", approvalKey);
        settings.put("channelhub.mail.retry.initial", "PT0.2S");
        settings.put("channelhub.mail.retry.max", "PT1S");
        settings.put("logging.level.root", "WARN");
        // clients named after the process, so the broker's view of a group tells the instances apart
        settings.put("spring.kafka.streams.client-id", instance);
        settings.put("spring.kafka.consumer.client-id", instance);
        settings.putAll(extra);
        ServiceProcess process = new ServiceProcess(instance, APPLICATIONS.get(service), settings).start();
        processes.add(process);
        return process;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess process : processes) {
            process.close();
        }
        kafka.close();
        smtp.stop();
        broker.destroy();
    }
}
