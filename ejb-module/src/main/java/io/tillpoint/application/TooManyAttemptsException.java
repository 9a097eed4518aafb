package io.tillpoint.application;

import io.tillpoint.domain.model.access.RetryAfter;
import io.tillpoint.domain.shared.DomainException;

/** The client id is locked out after too many wrong secrets: 429 {@code too_many_attempts} with {@code Retry-After}. */
public class TooManyAttemptsException extends DomainException {

    private final RetryAfter retryAfter;

    public TooManyAttemptsException(RetryAfter retryAfter) {
        super("too_many_attempts", "Too many failed attempts for this client; retry after " + retryAfter.seconds() + " s");
        this.retryAfter = retryAfter;
    }

    public RetryAfter retryAfter() {
        return retryAfter;
    }
}
