package io.channelhub.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOrderedKeyTest {

    /** The stores already hold keys written with String.format: the hand-made ones must be the same text. */
    @ParameterizedTest
    @ValueSource(longs = {0, 7, 1_733_500_000_000L, Long.MAX_VALUE, -1, Long.MIN_VALUE})
    void sameTextAsTheFormatTheStoresHold(long at) {
        assertThat(TimeOrderedKey.of(at, "id-1")).isEqualTo(String.format("%019d|%s", at, "id-1"));
    }

    @Test
    void sortsByTime() {
        assertThat(TimeOrderedKey.of(999, "b")).isLessThan(TimeOrderedKey.of(1000, "a"));
    }
}
