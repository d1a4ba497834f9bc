package io.channelhub.discount.domain;

import io.channelhub.discount.state.DiscountBook;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a command or a deadline does to one ISV's discounts through one reseller: the events to publish and the
 * book afterwards ({@code null}: unchanged).
 */
public record BookChange(List<SpecificRecord> events, DiscountBook book) {

    public static final BookChange NOTHING = new BookChange(List.of(), null);

    public static BookChange only(SpecificRecord event) {
        return new BookChange(List.of(event), null);
    }
}
