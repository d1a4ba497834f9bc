package io.channelhub.schemas;

import java.util.List;

/** The topic catalogue. docs/events.md describes each; this class is the truth. */
public final class Topics {
    private Topics() {
    }

    /** ISVs, resellers, billing accounts (upstream). Key: {@code isv:<id>}, {@code reseller:<id>}, {@code account:<id>}. */
    public static final String DIRECTORY_EVENTS = "directory.events";
    /** Entitlement facts (upstream; transfer-service after a move). Key: entitlementId. */
    public static final String ENTITLEMENTS_EVENTS = "entitlements.events";
    /** Transfer requests, follow-ups, approvals, clock ticks. Key: entitlementId. */
    public static final String TRANSFERS_COMMANDS = "transfers.commands";
    /** Transfer outcomes. Key: entitlementId. */
    public static final String TRANSFERS_EVENTS = "transfers.events";
    /** Discount configurations, acceptances, cancellations, ticks. Key: {@code <isvId>|<resellerId>}. */
    public static final String DISCOUNTS_COMMANDS = "discounts.commands";
    /** Discount outcomes. Key: {@code <isvId>|<resellerId>}. */
    public static final String DISCOUNTS_EVENTS = "discounts.events";
    /** Plans, seat and cap changes, credit notes, the migration, ticks (B1–B7). Key: payerId (the reseller). */
    public static final String BILLING_COMMANDS = "billing.commands";
    /** Subscription outcomes and invoices (key payerId); payout statements (key {@code isv:<isvId>}). */
    public static final String BILLING_EVENTS = "billing.events";
    /** The reseller programme's applications, terms, orders, licences, payments, ticks (R1–R7). Key: resellerId. */
    public static final String RESELLERS_COMMANDS = "resellers.commands";
    /** The reseller programme's outcomes: accounts, orders, licences, statements, refusals. Key: resellerId. */
    public static final String RESELLERS_EVENTS = "resellers.events";
    /** Price list, reseller margins, revenue-share rates (upstream, B2, D6). Key: {@code price:<sku>:<plan>}, {@code margin:<resellerId>}, {@code revenue-share:<isvId>}. */
    public static final String PRICES_EVENTS = "prices.events";
    public static final String USAGE_EVENTS = "usage.events";
    /** Rendered e-mails a person waits for (consents, confirmations), one record per Message-ID. Key: messageId. */
    public static final String NOTIFICATIONS_OUTBOX = "notifications.outbox";
    /** Rendered e-mails of a billing period (invoices, statements), sent beside, never ahead of, the outbox's. */
    public static final String NOTIFICATIONS_BULK_OUTBOX = "notifications.bulk-outbox";
    /** E-mail audit trail: sent, failed, parked. Key: messageId. */
    public static final String NOTIFICATIONS_EVENTS = "notifications.events";
    /** E-mails that ran out of retries, as they were requested, for an operator to redrive. Key: messageId. */
    public static final String NOTIFICATIONS_PARKED = "notifications.parked";

    /** Every topic the system owns (dead-letter topics excluded). */
    public static final List<String> ALL = List.of(DIRECTORY_EVENTS, ENTITLEMENTS_EVENTS, TRANSFERS_COMMANDS,
            TRANSFERS_EVENTS, DISCOUNTS_COMMANDS, DISCOUNTS_EVENTS, BILLING_COMMANDS, BILLING_EVENTS,
            RESELLERS_COMMANDS, RESELLERS_EVENTS, PRICES_EVENTS, USAGE_EVENTS, NOTIFICATIONS_OUTBOX,
            NOTIFICATIONS_BULK_OUTBOX, NOTIFICATIONS_EVENTS, NOTIFICATIONS_PARKED);

    /**
     * Topics that systems outside Channel Hub write: their records are checked against {@link InputLimits} before
     * anything else (X1), and they accept at most {@link #INPUT_MAX_BYTES} a record.
     */
    public static final List<String> UPSTREAM = List.of(DIRECTORY_EVENTS, ENTITLEMENTS_EVENTS, TRANSFERS_COMMANDS,
            DISCOUNTS_COMMANDS, BILLING_COMMANDS, RESELLERS_COMMANDS, PRICES_EVENTS, USAGE_EVENTS);

    /** The largest record an upstream topic accepts: the broker's own default ({@code message.max.bytes}). */
    public static final int INPUT_MAX_BYTES = 1_048_588;
    /**
     * The largest record of every other topic and of what the services produce: room for any accepted input to be
     * dead-lettered whole with its headers.
     */
    public static final int OWN_MAX_BYTES = INPUT_MAX_BYTES + 64 * 1024;

    /** The outcome topic where a command topic's refusals are answered, or null for a topic of facts. */
    public static String answeredOn(String topic) {
        return switch (topic) {
            case TRANSFERS_COMMANDS -> TRANSFERS_EVENTS;
            case DISCOUNTS_COMMANDS -> DISCOUNTS_EVENTS;
            case BILLING_COMMANDS -> BILLING_EVENTS;
            case RESELLERS_COMMANDS -> RESELLERS_EVENTS;
            default -> null;
        };
    }

    /** The dead-letter topic of a topic: undecodable records, original bytes, error headers. */
    public static String dlt(String topic) {
        return topic + ".dlt";
    }
}
