package io.tillpoint.domain.model.access;

import java.time.Duration;
import java.time.Instant;

/** Whole seconds until something is allowed again, as {@code Retry-After} says it: at least one. */
public record RetryAfter(long seconds) {

    public RetryAfter {
        if (seconds < 1) {
            throw new IllegalArgumentException("Retry-After is at least one second: " + seconds);
        }
    }

    /** The seconds from {@code now} to {@code until}, rounded up (a client that waits them is not early). */
    public static RetryAfter between(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return new RetryAfter(Math.max(1, (millis + 999) / 1000));
    }

    public static RetryAfter ofMillis(long millis) {
        return new RetryAfter(Math.max(1, (millis + 999) / 1000));
    }
}
