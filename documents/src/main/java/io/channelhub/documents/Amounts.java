package io.channelhub.documents;

import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;

/**
 * Money on a document, to the currency's minor unit (X4). A deduction is negated as a number, never by prefixing
 * "-" to the text, so a zero reads "0.00" and not "-0.00".
 */
public final class Amounts {

    private Amounts() {
    }

    public static String of(io.channelhub.common.event.Money money) {
        return of(AvroMoney.fromAvro(money));
    }

    /** {@code -amount}, for discounts and credits printed as lines of their own. */
    public static String negated(io.channelhub.common.event.Money money) {
        return of(AvroMoney.fromAvro(money).negated());
    }

    static String of(Money money) {
        return money.rounded().amount().toPlainString();
    }
}
