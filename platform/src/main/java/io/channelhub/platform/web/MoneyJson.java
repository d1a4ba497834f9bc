package io.channelhub.platform.web;

import io.channelhub.pricing.Money;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Money in every JSON view of every service, one way (issue 23, D-100): {@code {"amount":"899.10","currency":"EUR"}},
 * the amount a decimal string at the currency's scale (half-up, X4), so no client reads it as a binary float or
 * loses the trailing zero. Registered with Spring's JSON mapper by {@code PlatformWebAutoConfiguration}; the state
 * stores' own mapper ({@code JsonSerde}) is not affected.
 */
public final class MoneyJson extends SimpleModule {

    public MoneyJson() {
        super("channelhub-money");
        addSerializer(Money.class, new Writer());
    }

    /** {@code {"amount":"<decimal at the currency's scale>","currency":"<ISO 4217 code>"}}. */
    static final class Writer extends StdSerializer<Money> {

        Writer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money money, JsonGenerator json, SerializationContext context) {
            json.writeStartObject(money);
            json.writeStringProperty("amount", money.rounded().amount().toPlainString());
            json.writeStringProperty("currency", money.currency().getCurrencyCode());
            json.writeEndObject();
        }
    }
}
