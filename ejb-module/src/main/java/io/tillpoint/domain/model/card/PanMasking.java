package io.tillpoint.domain.model.card;

/**
 * The one masking rule for card numbers and secrets, used by logs, console and API alike:
 * a PAN shows its first 6 and last 4 digits, everything else is '*'.
 */
public final class PanMasking {

    private PanMasking() {
    }

    public static String mask(String pan) {
        if (pan == null) {
            return null;
        }
        String digits = pan.replaceAll("[^0-9]", "");
        if (digits.length() < 11) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }

    /** Shows only the first four characters of a secret, enough to tell secrets apart in a log. */
    public static String maskSecret(String secret) {
        if (secret == null || secret.length() <= 8) {
            return "********";
        }
        return secret.substring(0, 4) + "…" + "*".repeat(8);
    }

    /**
     * Masks every card number inside free text ({@link #mask} of each one that
     * {@link CardNumbersInText} finds): within each run of digit groups (separated by spaces or
     * dashes), any span of whole groups holding 12 to 19 digits that passes Luhn, so a CVC, a date
     * or a quantity next to a card number does not hide it, while an unrelated long number (a
     * timestamp) is kept.
     */
    public static String scrub(String text) {
        return CardNumbersInText.mask(text);
    }
}
