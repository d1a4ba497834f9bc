package io.channelhub.billing.web;

import io.channelhub.platform.web.Problems;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/** A month in a path ({@code yyyy-MM}): the edge guard leaves it to the endpoint, as it is not an id. */
final class Months {

    private Months() {
    }

    /** The month as stores key it; a 400 problem (MALFORMED_MONTH) for anything else. */
    static String parse(String month) {
        try {
            return YearMonth.parse(month).toString();
        } catch (DateTimeParseException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_MONTH", "Month malformed",
                    "The month is written yyyy-MM, e.g. 2026-10: " + month);
        }
    }
}
