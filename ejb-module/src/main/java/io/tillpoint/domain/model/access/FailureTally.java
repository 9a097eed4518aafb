package io.tillpoint.domain.model.access;

import java.time.Instant;

/**
 * The failed secrets of one client id: how many in the current window, since when, and until when
 * it is locked out ({@code null}: it is not).
 */
public record FailureTally(int failures, Instant windowStartedAt, Instant lockedUntil) {

    public FailureTally {
        if (failures < 1) {
            throw new IllegalArgumentException("a tally counts at least one failure: " + failures);
        }
        if (windowStartedAt == null) {
            throw new IllegalArgumentException("a tally has a window");
        }
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
