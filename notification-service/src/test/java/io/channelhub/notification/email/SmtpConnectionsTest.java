package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Transport;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** D-118: a sender thread keeps its SMTP connection across batches, and never uses one the server closed. */
class SmtpConnectionsTest {

    private final int port = freePort();
    private GreenMail smtp = start();
    private final SmtpConnections connections = new SmtpConnections(mailTo(port));

    @AfterEach
    void stop() {
        connections.close();
        smtp.stop();
    }

    @Test
    void aThreadGetsItsKeptConnectionBackForItsNextBatch() throws Exception {
        Transport first = connections.acquire();
        connections.release(first);

        assertThat(connections.acquire()).isSameAs(first);
        assertThat(first.isConnected()).isTrue();
    }

    @Test
    void aConnectionTheServerClosedIsReplacedNotUsed() throws Exception {
        Transport first = connections.acquire();
        connections.release(first);
        smtp.stop();
        smtp = start();

        Transport second = connections.acquire();
        assertThat(second).isNotSameAs(first);
        assertThat(second.isConnected()).isTrue();
    }

    @Test
    void aDiscardedConnectionIsClosedAndNotKept() throws Exception {
        Transport first = connections.acquire();
        connections.discard(first);

        assertThat(first.isConnected()).isFalse();
        assertThat(connections.acquire()).isNotSameAs(first);
    }

    private GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static JavaMailSenderImpl mailTo(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("localhost");
        mail.setPort(port);
        mail.setProtocol("smtp");
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
