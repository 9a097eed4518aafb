package io.tillpoint.domain.shared;

/** The operation is not allowed in the resource's current state. */
public class InvalidStateException extends DomainException {

    public InvalidStateException(String message) {
        super("invalid_state", message);
    }
}
