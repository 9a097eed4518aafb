package io.tillpoint.domain.model.access;

import java.time.Duration;
import java.time.Instant;

/**
 * How many wrong secrets a client id may present: {@link #MAX_FAILURES} within one window, after
 * which the id is locked out for a window's length (the contract: ten within five minutes, then
 * five minutes of 429). The window starts with the first failure after a quiet spell or a
 * lock-out; it does not slide.
 *
 * <p>The database applies these rules in one statement per attempt (so that instances share one
 * count); {@link #afterFailure} is the same rule in Java, which the statement mirrors line by line
 * and the unit tests pin down.
 */
public record LockoutPolicy(int maxFailures, Duration window) {

    /** The contract's count. */
    public static final int MAX_FAILURES = 10;

    /** The contract's window and lock-out. */
    public static final Duration CONTRACT_WINDOW = Duration.ofMinutes(5);

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("at least one failure must be allowed: " + maxFailures);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the lock-out window must be positive: " + window);
        }
    }

    public static LockoutPolicy of(Duration window) {
        return new LockoutPolicy(MAX_FAILURES, window);
    }

    /**
     * The tally after one more failure at {@code now}, given the tally before ({@code null}: none).
     * A failure while locked out is counted (it shows in the tally) but neither extends nor
     * shortens the lock-out. After a lock-out, or once the window is over, counting starts again.
     */
    public FailureTally afterFailure(FailureTally before, Instant now) {
        if (before != null && before.lockedAt(now)) {
            return new FailureTally(before.failures() + 1, before.windowStartedAt(), before.lockedUntil());
        }
        boolean freshWindow = before == null || before.lockedUntil() != null
                || !before.windowStartedAt().isAfter(now.minus(window));
        int failures = freshWindow ? 1 : before.failures() + 1;
        Instant windowStart = freshWindow ? now : before.windowStartedAt();
        Instant lockedUntil = failures >= maxFailures ? now.plus(window) : null;
        return new FailureTally(failures, windowStart, lockedUntil);
    }

    /** What a failure that left {@code after} behind answers. */
    public AttemptVerdict verdictAfterFailure(FailureTally after, Instant now) {
        if (after.lockedAt(now) && after.failures() > maxFailures) {
            return AttemptVerdict.locked(RetryAfter.between(now, after.lockedUntil()));
        }
        return AttemptVerdict.WRONG_SECRET;
    }
}
