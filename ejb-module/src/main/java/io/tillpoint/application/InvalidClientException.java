package io.tillpoint.application;

import io.tillpoint.domain.model.access.AuthFailureReason;
import io.tillpoint.domain.shared.DomainException;

/**
 * Unknown client, wrong secret or revoked client: the same answer for all three (401
 * {@code invalid_client}). {@link #reason} says which, for the security log only.
 */
public class InvalidClientException extends DomainException {

    private final AuthFailureReason reason;

    public InvalidClientException(AuthFailureReason reason) {
        super("invalid_client", "Client authentication failed");
        this.reason = reason;
    }

    public AuthFailureReason reason() {
        return reason;
    }
}
