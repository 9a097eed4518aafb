package io.tillpoint.domain.shared;

/** The request is well-formed but cannot be honoured as asked (e.g. an idempotency key reused). */
public class UnprocessableException extends DomainException {

    public UnprocessableException(String code, String message) {
        super(code, message);
    }
}
