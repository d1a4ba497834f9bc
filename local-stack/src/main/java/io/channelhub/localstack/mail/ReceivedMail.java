package io.channelhub.localstack.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the viewer shows of one received e-mail: envelope facts, the first text and HTML bodies, and every attachment.
 */
record ReceivedMail(Instant received, String messageId, String from, String to, String subject, String text,
        String html, List<Attachment> attachments) {

    /** One attached file as the sender labelled it; the bytes are served back as they arrived. */
    record Attachment(String filename, String contentType, byte[] content) {
    }

    static ReceivedMail of(MimeMessage message) {
        try {
            Date received = message.getReceivedDate();
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new ReceivedMail(received != null ? received.toInstant() : Instant.EPOCH, message.getMessageID(),
                    addresses(message.getFrom()), addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject(), bodies.text, bodies.html, List.copyOf(bodies.attachments));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable e-mail: " + e.getMessage(), e);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /**
     * Walks nested multiparts (alternative inside mixed, ...), keeps the first text and HTML body and collects every
     * part marked as an attachment or carrying a file name.
     */
    private static final class Bodies {
        private String text;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                // senders may encode a non-ASCII name as RFC 2047 words (Spring's MimeMessageHelper can), not only RFC 2231
                String name = part.getFileName() != null ? MimeUtility.decodeText(part.getFileName())
                        : "attachment-" + (attachments.size() + 1);
                try (var in = part.getInputStream()) {
                    attachments.add(new Attachment(name, baseType(part.getContentType()), in.readAllBytes()));
                }
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

    /** "application/pdf; name=x.pdf" → "application/pdf": parameters are for the e-mail, not for the download. */
    private static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
