package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void rfc3339_and_unix_seconds_are_read() {
        assertThat(Timestamps.parse("2026-11-25T10:00:00Z", "created_gte")).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(Timestamps.parse("1795644000", "created_gte")).isEqualTo(Instant.ofEpochSecond(1795644000L));
        assertThat(Timestamps.parse("", "created_gte")).isNull();
    }

    @Test
    void times_no_database_can_store_are_a_400_naming_the_field() {
        assertThatThrownBy(() -> Timestamps.parse("+1000000000-12-31T23:59:59Z", "created_lt"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).param()).isEqualTo("created_lt"));
        assertThatThrownBy(() -> Timestamps.parse("+20000-01-01T00:00:00Z", "created_gte"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Timestamps.parse("yesterday", "created_gte")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_api_shows_whole_seconds_in_utc() {
        assertThat(Timestamps.format(Instant.parse("2026-11-25T10:00:00.123456Z"))).isEqualTo("2026-11-25T10:00:00Z");
    }
}
