package io.tillpoint.domain.model.card;

/** Reads the key version that a keyed value carries as its prefix: {@code <letter><version>.<digest>}. */
final class KeyVersions {

    private KeyVersions() {
    }

    /** The version in {@code value}, which must start with {@code letter}; 0 when it has none. */
    static int of(String value, char letter) {
        int dot = value.indexOf('.');
        if (dot < 2 || dot > 10 || value.charAt(0) != letter) {
            return 0;
        }
        try {
            return Integer.parseInt(value, 1, dot, 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
