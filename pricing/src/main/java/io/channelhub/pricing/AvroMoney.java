package io.channelhub.pricing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** Conversions between {@link Money} and the wire record {@link io.channelhub.common.event.Money} (scale 4). */
public final class AvroMoney {

    /** The scale of the Avro decimal logical type. */
    public static final int WIRE_SCALE = 4;

    private AvroMoney() {
    }

    /**
     * @throws ArithmeticException if the amount has more than four decimals: rounding is the domain's job at the
     *                             line, never a side effect of serialisation
     */
    public static io.channelhub.common.event.Money toAvro(Money money) {
        Objects.requireNonNull(money, "money");
        return new io.channelhub.common.event.Money(money.amount().setScale(WIRE_SCALE),
                money.currency().getCurrencyCode());
    }

    /** The amount keeps the wire's scale (90.0000); compare with {@link Money#sameAs}. */
    public static Money fromAvro(io.channelhub.common.event.Money avro) {
        Objects.requireNonNull(avro, "avro");
        BigDecimal amount = Objects.requireNonNull(avro.getAmount(), "amount");
        return new Money(amount, Currency.getInstance(Objects.requireNonNull(avro.getCurrency(), "currency")));
    }
}
