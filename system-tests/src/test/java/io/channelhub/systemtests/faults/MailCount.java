package io.channelhub.systemtests.faults;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What arrived at the SMTP server for one run, by Message-ID: delivered (distinct ids), duplicates (copies beyond
 * the first), lost (expected ids that never came).
 */
record MailCount(int received, int distinct, int expected) {

    int duplicates() {
        return received - distinct;
    }

    int lost() {
        return Math.max(0, expected - distinct);
    }

    static MailCount of(GreenMail smtp, String run, int expected) {
        List<String> ids = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(run))
                .map(MailCount::messageId).toList();
        return new MailCount(ids.size(), (int) ids.stream().distinct().count(), expected);
    }

    /** Waits until at least {@code count} distinct e-mails of the run arrived: a point mid-burst. */
    static void awaitAtLeast(GreenMail smtp, String run, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (of(smtp, run, count).distinct() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " e-mails of " + run + " after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until every expected e-mail arrived (or the timeout), then a little longer for late duplicates. */
    static MailCount await(GreenMail smtp, String run, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (of(smtp, run, expected).distinct() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000);
        return of(smtp, run, expected);
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
