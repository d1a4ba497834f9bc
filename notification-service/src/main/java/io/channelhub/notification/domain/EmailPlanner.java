package io.channelhub.notification.domain;

import io.channelhub.documents.Assigned;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which e-mails an outcome event promises, as plain data for the renderer: transfers (T3–T8), discounts (D3),
 * invoices (B4), the reseller programme (R1–R7) and the migration to postpaid (B5).
 * Pure: decision links come from the given {@link ApprovalLinks}, and Message-IDs derive from the causing event,
 * so planning the same event twice yields the same e-mails (N2).
 */
public final class EmailPlanner {

    private final TransferEmails transfers;
    private final DiscountEmails discounts;
    private final InvoiceEmails invoices = new InvoiceEmails();
    private final ResellerEmails resellers = new ResellerEmails();
    private final MigrationEmails migrations = new MigrationEmails();

    public EmailPlanner(ApprovalLinks links) {
        this.transfers = new TransferEmails(links);
        this.discounts = new DiscountEmails(links);
    }

    /**
     * {@code written}: when the event was written to its topic (the record's timestamp), which is when the e-mail
     * is sent, as opposed to the event's own time; an offer that can no longer be accepted then is not sent.
     */
    public List<PlannedEmail> plan(SpecificRecord event, Instant written) {
        return plan(event, written, null);
    }

    /**
     * D-102: an event whose e-mails attach an invoice is planned once billing has numbered that invoice, the one
     * {@link #awaitedDocument} names, with what billing {@link Assigned} to it ({@code document}), so the PDF is the
     * document billing serves. {@code document} is null for every other event.
     */
    public List<PlannedEmail> plan(SpecificRecord event, Instant written, Assigned document) {
        Emails emails = new Emails(event);
        transfers.plan(event, emails);
        discounts.plan(event, written, emails);
        invoices.plan(event, document, emails);
        resellers.plan(event, document, emails);
        migrations.plan(event, emails);
        return emails.planned();
    }

    /** The id of the document (invoice, order) the event's e-mails attach, if they attach one (D-102). */
    public static Optional<String> awaitedDocument(SpecificRecord event) {
        return Optional.ofNullable(InvoiceEmails.documentId(event))
                .or(() -> Optional.ofNullable(ResellerEmails.documentId(event)));
    }
}
