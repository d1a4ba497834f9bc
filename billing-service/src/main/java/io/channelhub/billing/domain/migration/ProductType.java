package io.channelhub.billing.domain.migration;

/** B6: migration credit is usable against {@link #STANDARD} orders only. */
public enum ProductType {
    STANDARD,
    POSTINI,
    CHROMEBOOK,
    OTHER
}
