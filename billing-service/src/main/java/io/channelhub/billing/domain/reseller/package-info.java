/**
 * The reseller programme (R1–R7): authorised resellers buy at a discount for an end customer, pay by wire, and
 * are held to prepayment while new or late. Plain Java, no Spring, Kafka or Avro: the topology maps events to
 * {@link io.channelhub.billing.domain.reseller.ResellerCommand} and acts on the outcomes. Dates are UTC; money is
 * exact and rounded half-up to the cent once per line.
 */
package io.channelhub.billing.domain.reseller;
