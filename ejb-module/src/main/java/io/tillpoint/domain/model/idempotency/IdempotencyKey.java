package io.tillpoint.domain.model.idempotency;

import io.tillpoint.domain.shared.InvalidInputException;

/** The merchant's {@code Idempotency-Key} header: 1 to 255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.matches("[\\x21-\\x7E]+")) {
            throw new InvalidInputException("invalid_idempotency_key", "Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
    }
}
