package io.channelhub.billing.stream;

import java.time.Duration;

/**
 * @param statementDelay how long after a month's invoices are due the ISVs' payout statements are issued: every
 *                       payer's invoice is issued on its own partition's first tick of the month, and the statement
 *                       waits for them; an invoice issued later still is stated in a supplementary statement
 */
public record BillingSettings(Duration statementDelay) {
}
