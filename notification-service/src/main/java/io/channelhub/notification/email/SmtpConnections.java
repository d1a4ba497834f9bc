package io.channelhub.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection per sender thread, kept from one polled batch to the next (D-118): connecting and quitting
 * for every batch cost a sender an eighth of its time at 450 e-mails a second, and the server a session each. A kept
 * connection is checked before it is used again (JavaMail's {@code isConnected} sends a NOOP), so one the server
 * closed while idle is replaced instead of failing an e-mail; after a failed send it is dropped, not reused.
 */
final class SmtpConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private final JavaMailSenderImpl mail;
    private final Map<Thread, Transport> kept = new ConcurrentHashMap<>();

    SmtpConnections(JavaMailSenderImpl mail) {
        this.mail = mail;
    }

    /** This thread's kept connection if it still answers, else a new one. */
    Transport acquire() throws MessagingException {
        Transport transport = kept.remove(Thread.currentThread());
        if (transport != null && transport.isConnected()) {
            return transport;
        }
        quit(transport);
        transport = mail.getSession().getTransport(mail.getProtocol());
        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return transport;
    }

    /** Keeps a connection whose batch went well for this thread's next batch. */
    void release(Transport transport) {
        quit(kept.put(Thread.currentThread(), transport));
    }

    /** Drops a connection a send failed on: its state is unknown. */
    void discard(Transport transport) {
        quit(transport);
    }

    /** At shutdown, after the senders stopped. */
    @Override
    public void close() {
        kept.values().forEach(SmtpConnections::quit);
        kept.clear();
    }

    private static void quit(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // every e-mail sent on it was accepted before QUIT; a failing QUIT loses nothing
            log.debug("Closing an SMTP connection failed: {}", e.getMessage());
        }
    }
}
