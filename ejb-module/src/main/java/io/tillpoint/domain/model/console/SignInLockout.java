package io.tillpoint.domain.model.console;

import java.time.Duration;

/**
 * When wrong passwords lock a console user out: after {@code maxFailures} in a row, for
 * {@code lockFor}. A successful sign-in resets the count; an admin can unlock earlier.
 */
public record SignInLockout(int maxFailures, Duration lockFor) {

    public static final SignInLockout DEFAULT = new SignInLockout(5, Duration.ofMinutes(15));

    public SignInLockout {
        if (maxFailures < 1 || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("a lock-out needs at least one failure and a positive time");
        }
    }
}
