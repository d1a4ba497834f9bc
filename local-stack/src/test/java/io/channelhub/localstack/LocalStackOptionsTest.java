package io.channelhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalStackOptionsTest {

    @Test
    void defaultsMatchTheDocumentedPorts() {
        LocalStack stack = CommandLine.populateCommand(new LocalStack());

        assertThat(stack.kafkaPort).isEqualTo(9092);
        assertThat(stack.smtpPort).isEqualTo(3025);
        assertThat(stack.mailViewerPort).isEqualTo(8025);
        assertThat(stack.dataDir).isEqualTo(Path.of(".local-stack"));
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
                "--prometheus", "--prometheus-port", "19090");

        assertThat(stack.kafkaPort).isEqualTo(19092);
        assertThat(stack.smtpPort).isEqualTo(2525);
        assertThat(stack.mailViewerPort).isEqualTo(18025);
        assertThat(stack.dataDir).isEqualTo(Path.of("/var/tmp/stack"));
        assertThat(stack.tickPeriod).isEqualTo(Duration.ofMinutes(1));
        assertThat(stack.wipe).isTrue();
        assertThat(stack.demo).isTrue();
        assertThat(stack.prometheus).isTrue();
        assertThat(stack.prometheusPort).isEqualTo(19090);
    }
}
