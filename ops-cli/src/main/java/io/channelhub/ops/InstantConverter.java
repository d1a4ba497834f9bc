package io.channelhub.ops;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An ISO-8601 instant with its offset: {@code 2025-11-13T09:00:00Z} or {@code 2025-11-13T10:00:00+01:00}. A time
 * without an offset is refused rather than guessed: the operator's zone and the brokers' are not the same.
 */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an ISO-8601 time with an offset, "
                    + "e.g. 2025-11-13T09:00:00Z or 2025-11-13T10:00:00+01:00");
        }
    }
}
