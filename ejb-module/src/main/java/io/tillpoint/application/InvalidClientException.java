package io.tillpoint.application;

import io.tillpoint.domain.shared.DomainException;

/** Unknown client, wrong secret or disabled client: the same answer for all three. */
public class InvalidClientException extends DomainException {

    public InvalidClientException() {
        super("invalid_client", "Client authentication failed");
    }
}
