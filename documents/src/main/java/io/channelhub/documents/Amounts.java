package io.channelhub.documents;

import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;

/**
 * Money on a document, to the currency's minor unit (X4): amounts as {@link Money} (the JSON views write them the
 * one way, D-100), printed by {@link #printed}. A deduction is negated as a number, never by prefixing "-" to the
 * text, so a zero reads "0.00" and not "-0.00".
 */
public final class Amounts {

    private Amounts() {
    }

    public static Money of(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded();
    }

    /** {@code -amount}, for discounts and credits printed as lines of their own. */
    public static Money negated(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).negated().rounded();
    }

    /** An amount inside a sentence ("500.00 paid", "10.00 per user-month"). */
    public static String text(io.channelhub.common.event.Money money) {
        return printed(of(money));
    }

    /** As a document prints an amount: the number at the currency's scale, no currency; nothing for none. */
    public static String printed(Money money) {
        return money == null ? "" : money.rounded().amount().toPlainString();
    }
}
