/**
 * The migration of a reseller from the prepaid programme to postpaid billing (B5–B7, seed 004): the opt-in and
 * what becomes of each prepaid order, the customers' trials, the migration credit and where it may be used, the
 * credit statement and the prepaid invoice of the migration month. Plain Java, no Spring, Kafka or Avro: the
 * topology maps events to these calls and acts on the outcomes. Dates are UTC; money is exact and rounded half-up
 * to the cent once per line.
 */
package io.channelhub.billing.domain.migration;
