package io.tillpoint.domain.model.access;

/**
 * What the token endpoint answers for one attempt, as far as the lock-out is concerned: go on,
 * a wrong secret (401), or locked out (429 with {@link #retryAfter}).
 */
public record AttemptVerdict(Kind kind, RetryAfter retryAfter) {

    public enum Kind { ALLOWED, WRONG_SECRET, LOCKED }

    public static final AttemptVerdict ALLOWED = new AttemptVerdict(Kind.ALLOWED, null);
    public static final AttemptVerdict WRONG_SECRET = new AttemptVerdict(Kind.WRONG_SECRET, null);

    public AttemptVerdict {
        if ((kind == Kind.LOCKED) != (retryAfter != null)) {
            throw new IllegalArgumentException("a lock-out, and only a lock-out, says when to retry");
        }
    }

    public static AttemptVerdict locked(RetryAfter retryAfter) {
        return new AttemptVerdict(Kind.LOCKED, retryAfter);
    }

    public boolean locked() {
        return kind == Kind.LOCKED;
    }
}
