package io.channelhub.notification.domain;

import java.util.Set;

/**
 * Which outbox an e-mail waits on (D-94). A month-end run issues an invoice, with its PDF, to every payer at once;
 * on one outbox they would queue ahead of the consent and completion e-mails that people are waiting for.
 */
public enum EmailLane {
    /** Someone waits for it: a consent to give, a transfer or an order done, a discount to accept. */
    INTERACTIVE,
    /** The documents of a billing period, thousands at a time: sent beside the interactive ones, never ahead. */
    BULK;

    private static final Set<String> PERIOD_DOCUMENTS = Set.of(InvoiceEmails.ISSUED, InvoiceEmails.PREPAID_ISSUED,
            ResellerEmails.STATEMENT);

    public static EmailLane of(String template) {
        return PERIOD_DOCUMENTS.contains(template) ? BULK : INTERACTIVE;
    }
}
