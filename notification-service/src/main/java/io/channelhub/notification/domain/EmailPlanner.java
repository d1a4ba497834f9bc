package io.channelhub.notification.domain;

import java.time.Instant;
import java.util.List;
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
        Emails emails = new Emails(event);
        transfers.plan(event, emails);
        discounts.plan(event, written, emails);
        invoices.plan(event, emails);
        resellers.plan(event, emails);
        migrations.plan(event, emails);
        return emails.planned();
    }
}
