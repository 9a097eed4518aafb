package io.tillpoint.domain.model.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a delivery that was not answered with a 2xx is tried again: {@code firstRetry} after the
 * first attempt, twice as long after each further one, never longer than {@code maxRetry}
 * between two, and never after {@code giveUpAfter} from when the delivery was made: the last
 * try is at that deadline, and a delivery still not answered then is given up (contract: 24 hours).
 */
public record RetrySchedule(Duration firstRetry, Duration maxRetry, Duration giveUpAfter) {

    /** 10 s, 20 s, 40 s, ... up to an hour apart, for 24 hours: 33 attempts in all, the last at the deadline. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofHours(24));

    public RetrySchedule {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0
                || giveUpAfter.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retry schedule out of range: " + firstRetry + ", " + maxRetry + ", "
                    + giveUpAfter);
        }
    }

    /** The wait after the {@code attempts}-th attempt (1 and up) failed, before the deadline is applied. */
    public Duration waitAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 40));
        Duration wait = firstRetry;
        for (int i = 0; i < doublings && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /**
     * When to try a delivery made at {@code createdAt} again, after its {@code attempts}-th attempt
     * failed at {@code now}; empty when it is given up.
     */
    public Optional<Instant> nextAttempt(int attempts, Instant createdAt, Instant now) {
        Instant deadline = createdAt.plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Instant next = now.plus(waitAfter(attempts));
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
