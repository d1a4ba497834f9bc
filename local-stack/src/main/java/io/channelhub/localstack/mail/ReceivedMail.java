package io.channelhub.localstack.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Collectors;

/** What the viewer shows of one received e-mail: envelope facts and the first text and HTML bodies. */
record ReceivedMail(Instant received, String messageId, String from, String to, String subject, String text,
        String html) {

    static ReceivedMail of(MimeMessage message) {
        try {
            Date received = message.getReceivedDate();
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new ReceivedMail(received != null ? received.toInstant() : Instant.EPOCH, message.getMessageID(),
                    addresses(message.getFrom()), addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject(), bodies.text, bodies.html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable e-mail: " + e.getMessage(), e);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** Walks nested multiparts (alternative inside mixed, ...) and keeps the first text and HTML body, skipping attachments. */
    private static final class Bodies {
        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            }
        }
    }
}
