package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** D-122: the sender's SMTP sockets send small segments at once, not after the server's delayed acknowledgment. */
class NoDelaySocketsTest {

    @Test
    void everySocketItMakesHasNaglesAlgorithmOff() throws Exception {
        NoDelaySockets sockets = new NoDelaySockets();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket unconnected = sockets.createSocket();
                Socket connected = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void theSendersSessionMakesItsSmtpSocketsWithIt() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.timeout", "5000");
        mail.setJavaMailProperties(timeouts);

        try (SmtpConnections ignored = new NotificationConfig().smtpConnections(mail, true)) {
            assertThat(mail.getSession().getProperties().get("mail.smtp.socketFactory"))
                    .isInstanceOf(NoDelaySockets.class);
            assertThat(mail.getSession().getProperty("mail.smtp.timeout")).isEqualTo("5000");
        }
    }
}
