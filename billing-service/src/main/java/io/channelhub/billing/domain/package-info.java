/**
 * The pure billing domain (B1–B4, D6, D8–D10): subscriptions and their decider, monthly charges, invoices, credit
 * notes and ISV payout statements. Plain Java, no Spring, Kafka or Avro: the topology maps events to these types.
 * All dates are UTC; money is exact and rounded half-up to the cent once per line (X4).
 */
package io.channelhub.billing.domain;
