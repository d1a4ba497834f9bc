package io.channelhub.billing.domain.document;

/** The documents that get a human number, and the series each is numbered in (credit notes have their own). */
public enum DocumentType {
    MONTHLY_INVOICE(Series.INV), PREPAID_INVOICE(Series.INV), ORDER_INVOICE(Series.INV), CREDIT_NOTE(Series.CN);

    /** INV: every invoice, whatever produced it; CN: credit notes. */
    public enum Series { INV, CN }

    private final Series series;

    DocumentType(Series series) {
        this.series = series;
    }

    public Series series() {
        return series;
    }
}
