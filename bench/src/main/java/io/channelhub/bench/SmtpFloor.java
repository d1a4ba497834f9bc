package io.channelhub.bench;

import io.channelhub.notification.email.MimeEmails;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.email.NoDelaySockets;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The raw SMTP floor: the very rendered outbox messages, sent over JavaMail to the same GreenMail with no Kafka,
 * each connection reused for all its messages as the sender reuses one per polled batch. What SMTP itself allows
 * on this machine; the e-mail path is judged against it.
 */
final class SmtpFloor {

    /** E-mails per second over {@code connections} connections in parallel, and one e-mail's send time, ms. */
    record Figures(int emails, int connections, double perSecond, double p50Millis, double p99Millis) {
    }

    private SmtpFloor() {
    }

    static Figures measure(int port, List<EmailRequested> emails, int connections) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.socketFactory", new NoDelaySockets()); // as the senders' (D-122)
        Session session = Session.getInstance(props);
        List<MimeMessage> messages = new ArrayList<>();
        for (EmailRequested email : emails) {
            messages.add(MimeEmails.of(session, "Channel Hub <no-reply@channelhub.example>", email));
        }
        long[] nanos = new long[messages.size()];
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int first = c;
                done.add(pool.submit(() -> {
                    send(session, messages, nanos, first, connections);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        return new Figures(messages.size(), connections, messages.size() / seconds,
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e6);
    }

    private static void send(Session session, List<MimeMessage> messages, long[] nanos, int first, int step)
            throws MessagingException {
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            for (int i = first; i < messages.size(); i += step) {
                long t = System.nanoTime();
                smtp.sendMessage(messages.get(i), messages.get(i).getAllRecipients());
                nanos[i] = System.nanoTime() - t;
            }
        }
    }
}
