package io.channelhub.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.junit.jupiter.api.Test;

class AvroMoneyTest {

    @Test
    void x4_toAvroCarriesScaleFour() {
        io.channelhub.common.event.Money avro = AvroMoney.toAvro(Money.of("87.3", "EUR"));

        assertThat(avro.getAmount()).isEqualTo(new BigDecimal("87.3000"));
        assertThat(avro.getCurrency()).isEqualTo("EUR");
    }

    @Test
    void x4_roundTripsThroughTheWire() throws Exception {
        Money money = Money.of("2.70", "USD");

        ByteBuffer wire = AvroMoney.toAvro(money).toByteBuffer();
        // Read back generically: the specific class is only instantiated where schemas' AvroTrust is installed.
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        GenericRecord decoded = new BinaryMessageDecoder<GenericRecord>(model,
                io.channelhub.common.event.Money.getClassSchema()).decode(wire);
        io.channelhub.common.event.Money avro = new io.channelhub.common.event.Money(
                (BigDecimal) decoded.get("amount"), decoded.get("currency").toString());

        assertThat(AvroMoney.fromAvro(avro)).isEqualTo(Money.of("2.7000", "USD"));
        assertThat(AvroMoney.fromAvro(avro).sameAs(money)).isTrue();
    }

    @Test
    void x4_moreThanFourDecimalsIsNotSilentlyRounded() {
        assertThatThrownBy(() -> AvroMoney.toAvro(Money.of("2.49975", "USD")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void x4_unknownCurrencyIsRefused() {
        assertThatThrownBy(() -> AvroMoney.fromAvro(new io.channelhub.common.event.Money(BigDecimal.ONE, "XYZ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
