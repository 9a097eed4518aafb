package io.tillpoint.domain.model.idempotency;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/** The merchant's {@code Idempotency-Key} header: 1 to 255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !VISIBLE_ASCII.matcher(value).matches()) {
            throw new InvalidInputException("invalid_idempotency_key", "Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
    }
}
