package io.channelhub.notification.domain;

import java.util.List;
import java.util.Map;

/**
 * One e-mail a rule promises: who gets it, which template renders it, with what. Its Message-ID derives from the
 * causing event, so planning the same event twice yields the same identity (N2) and the second is dropped.
 * {@code customerFacing}: the customer reads it, so it must never show a price or a discount (N3, D7, R7).
 */
public record PlannedEmail(String messageId, String template, String toAddress, String toName, String subject,
        Map<String, Object> model, boolean customerFacing, List<Attachment> attachments) {

    public PlannedEmail {
        attachments = List.copyOf(attachments);
    }

    /** A file sent with the e-mail, e.g. an invoice as PDF (B4). */
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
