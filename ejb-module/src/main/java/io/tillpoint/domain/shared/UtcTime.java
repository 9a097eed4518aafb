package io.tillpoint.domain.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Entities keep their timestamps as UTC {@link OffsetDateTime}, the type JPA 3.1 maps to
 * TIMESTAMP WITH TIME ZONE (an Instant converter breaks on null binding on PostgreSQL); the
 * domain speaks {@link Instant}.
 */
public final class UtcTime {

    private UtcTime() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
