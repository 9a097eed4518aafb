package io.tillpoint.domain.model.audit;

import io.tillpoint.domain.model.card.PanMasking;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An object's state before or after an action, as the audit trail keeps it: a flat, ordered set of
 * named values (text, whole numbers, true/false, null), masked on the way in. A field whose name
 * says secret, password, token, cvc, card number or hash never keeps its value (it reads
 * {@code "[redacted]"}), and card numbers inside any text are masked to first six and last four.
 * So an entry can be shown to any operator and kept for ever.
 */
public final class AuditSnapshot {

    public static final String REDACTED = "[redacted]";

    private static final Set<String> SECRET_WORDS = Set.of("secret", "password", "token", "cvc", "cvv", "hash",
            "pan", "number", "key");
    private static final int MAX_TEXT = 1000;

    private final Map<String, Object> values;

    private AuditSnapshot(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The values in the order they were added: String, Long, Boolean or null. */
    public Map<String, Object> values() {
        return values;
    }

    public Object get(String name) {
        return values.get(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditSnapshot other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "AuditSnapshot" + values;
    }

    /** Whether a field of this name may hold a secret or a card number: its value is never kept. */
    static boolean isSecretName(String name) {
        for (String word : name.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Adds values in order; the last value of a name wins. */
    public static final class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder text(String name, String value) {
            return put(name, value == null ? null : mask(name, value));
        }

        public Builder number(String name, Long value) {
            return put(name, value == null ? null : isSecretName(name) ? REDACTED : value);
        }

        public Builder flag(String name, Boolean value) {
            return put(name, value);
        }

        private Builder put(String name, Object value) {
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
                throw new IllegalArgumentException("a snapshot field is a snake_case name: " + name);
            }
            values.put(name, value);
            return this;
        }

        public AuditSnapshot build() {
            return new AuditSnapshot(new LinkedHashMap<>(values));
        }

        private static String mask(String name, String value) {
            if (isSecretName(name)) {
                return REDACTED;
            }
            String scrubbed = PanMasking.scrub(value);
            return scrubbed.length() > MAX_TEXT ? scrubbed.substring(0, MAX_TEXT) + "…" : scrubbed;
        }
    }
}
