package io.channelhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalStackOptionsTest {

    @Test
    void defaultsMatchTheDocumentedPorts() {
        LocalStack stack = CommandLine.populateCommand(new LocalStack());

        assertThat(stack.kafkaPort).isEqualTo(9092);
        assertThat(stack.smtpPort).isEqualTo(3025);
        assertThat(stack.mailViewerPort).isEqualTo(8025);
        assertThat(stack.portOffset).isZero();
        assertThat(stack.dataDir()).isEqualTo(Path.of(".local-stack"));
        assertThat(stack.tickPeriod).isEqualTo(Duration.ofSeconds(5));
        assertThat(stack.wipe).isFalse();
        assertThat(stack.demo).isFalse();
        assertThat(stack.prometheus).isFalse();
        assertThat(stack.prometheusPort).isEqualTo(9090);
    }

    @Test
    void parsesEveryOption() {
        LocalStack stack = CommandLine.populateCommand(new LocalStack(), "--kafka-port", "19092", "--smtp-port", "2525",
                "--mail-viewer-port", "18025", "--data-dir", "/var/tmp/stack", "--wipe", "--demo", "--tick-period", "PT1M",
                "--prometheus", "--prometheus-port", "19090", "--port-offset", "7");

        assertThat(stack.kafkaPort).isEqualTo(19092);
        assertThat(stack.smtpPort).isEqualTo(2525);
        assertThat(stack.mailViewerPort).isEqualTo(18025);
        assertThat(stack.dataDir()).isEqualTo(Path.of("/var/tmp/stack"));
        assertThat(stack.tickPeriod).isEqualTo(Duration.ofMinutes(1));
        assertThat(stack.wipe).isTrue();
        assertThat(stack.demo).isTrue();
        assertThat(stack.prometheus).isTrue();
        assertThat(stack.prometheusPort).isEqualTo(19090);
        assertThat(stack.portOffset).isEqualTo(7);
    }

    // issue 23: two stacks side by side: every port the second listens on is the first's + the offset, its data
    // is its own, and each busy port names the options that move it
    @Test
    void aPortOffsetShiftsEveryPortTheStackListensOn() {
        StackPorts first = CommandLine.populateCommand(new LocalStack(), "--instances", "2").ports();
        LocalStack second = CommandLine.populateCommand(new LocalStack(), "--instances", "2", "--port-offset",
                "1000");

        List<StackPorts.Port> shifted = second.ports().listed(true);
        assertThat(shifted).extracting(StackPorts.Port::what).containsExactly("Kafka", "the schema registry", "SMTP",
                "the mail viewer", "Prometheus", "transfer-service", "discount-service", "billing-service",
                "notification-service", "transfer-service-2", "discount-service-2", "billing-service-2",
                "notification-service-2");
        assertThat(shifted).extracting(StackPorts.Port::number).containsExactlyElementsOf(first.listed(true).stream()
                .map(port -> port.number() + 1000).toList());
        assertThat(shifted).extracting(StackPorts.Port::number).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(first.listed(true).stream().map(StackPorts.Port::number).toList());
        assertThat(shifted.get(0).option()).isEqualTo("--kafka-port or --port-offset");
        assertThat(second.dataDir()).isEqualTo(Path.of(".local-stack-1000"));
        assertThat(CommandLine.populateCommand(new LocalStack(), "--port-offset", "1000", "--data-dir", "/tmp/b")
                .dataDir()).isEqualTo(Path.of("/tmp/b"));
    }

    @Test
    void anOffsetThatCannotBeIsAUsageErrorBeforeAnythingStarts() {
        for (String offset : List.of("-1", "60000")) {
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new LocalStack()).setErr(new PrintWriter(err));

            assertThat(command.execute("--port-offset", offset)).as(offset).isEqualTo(2);
            assertThat(err.toString()).containsAnyOf("must not be negative", "past 65535");
        }
    }
}
