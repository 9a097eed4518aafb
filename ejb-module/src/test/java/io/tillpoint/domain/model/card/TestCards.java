package io.tillpoint.domain.model.card;

/** Card numbers for tests. */
final class TestCards {

    /** The contract's sandbox test cards (all Luhn-valid). */
    static final String[] CONTRACT_TEST_CARDS = {
        "4242424242424242", "5555555555554444", "378282246310005", "4000000000000002", "4000000000009995",
        "4000000000000069", "4000000000000127", "4000000000000119", "4000000000003220", "4000000000000101",
    };

    private TestCards() {
    }

    /** {@code body} followed by the Luhn check digit that makes it a valid number. */
    static String withCheckDigit(String body) {
        for (char d = '0'; d <= '9'; d++) {
            if (Luhn.isValid(body + d)) {
                return body + d;
            }
        }
        throw new AssertionError("no check digit for " + body);
    }
}
