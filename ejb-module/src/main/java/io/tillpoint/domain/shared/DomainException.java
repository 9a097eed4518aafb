package io.tillpoint.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * A rule of the domain said no. Carries a stable machine-readable code; the interfaces
 * layer turns each subclass into the matching problem+json status. Application
 * exceptions roll the transaction back and reach the caller unwrapped.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
