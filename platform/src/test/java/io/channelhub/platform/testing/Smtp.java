package io.channelhub.platform.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/** A real SMTP server (GreenMail) on a free port, for tests that read what arrived. */
public final class Smtp {
    private Smtp() {
    }

    /** Register with {@code @RegisterExtension static final GreenMailExtension SMTP = Smtp.server();}. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    /** Waits until at least {@code count} messages arrived; returns all received so far. */
    public static List<MimeMessage> await(GreenMailExtension smtp, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] received = smtp.getReceivedMessages();
            if (received.length >= count) {
                return List.of(received);
            }
            KafkaTestClient.sleep(200);
        }
        throw new AssertionError("Expected " + count + " e-mails within " + timeout + ", got "
                + smtp.getReceivedMessages().length);
    }
}
