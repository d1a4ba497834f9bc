package io.channelhub.billing.domain;

/** The name billing-service signs its events with ({@code EventMeta.producer}). */
public final class Producer {

    public static final String BILLING = "billing-service";

    private Producer() {
    }
}
