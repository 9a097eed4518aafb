package io.tillpoint.domain.model.payment;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Merchant key-value pairs: at most 50 keys of at most 40 characters, values of at most 500. */
public record Metadata(Map<String, String> values) {

    public static final int MAX_KEYS = 50;
    public static final int MAX_KEY_LENGTH = 40;
    public static final int MAX_VALUE_LENGTH = 500;

    public Metadata {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Metadata of(Map<String, String> values) {
        if (values.size() > MAX_KEYS) {
            throw new InvalidInputException("metadata", "must have at most " + MAX_KEYS + " keys");
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_KEY_LENGTH) {
                throw new InvalidInputException("metadata", "keys must be 1 to " + MAX_KEY_LENGTH + " characters");
            }
            if (e.getValue() == null || e.getValue().length() > MAX_VALUE_LENGTH) {
                throw new InvalidInputException("metadata." + e.getKey(),
                        "must be a string of at most " + MAX_VALUE_LENGTH + " characters");
            }
        }
        return new Metadata(values);
    }
}
