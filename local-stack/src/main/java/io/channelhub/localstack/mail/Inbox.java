package io.channelhub.localstack.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every e-mail GreenMail received, oldest first, numbered from 1. GreenMail keeps one copy per recipient mailbox
 * and lists mailboxes in no particular order, so copies are merged by Message-ID and the list is sorted by arrival:
 * a number then keeps pointing at the same e-mail while new ones arrive.
 */
public final class Inbox {

    private final GreenMail greenMail;

    public Inbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** How many distinct e-mails arrived. */
    public int size() {
        return all().size();
    }

    List<ReceivedMail> all() {
        Map<Object, ReceivedMail> unique = new LinkedHashMap<>();
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (MimeMessage message : messages) {
            ReceivedMail mail = ReceivedMail.of(message);
            unique.putIfAbsent(mail.messageId() != null ? mail.messageId() : message, mail);
        }
        return unique.values().stream()
                .sorted(Comparator.comparing(ReceivedMail::received)
                        .thenComparing(m -> Objects.toString(m.messageId(), "")))
                .toList();
    }
}
