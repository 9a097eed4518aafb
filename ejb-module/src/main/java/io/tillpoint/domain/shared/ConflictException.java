package io.tillpoint.domain.shared;

/** The request collides with another one (idempotency in progress, concurrent update). */
public class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
