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

    /** Replaces every run of 12-19 digits (optionally separated by spaces or dashes) that passes Luhn. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d(?:[ -]?\\d){11,18}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            m.appendReplacement(out, Luhn.isValid(digits) ? mask(digits) : m.group());
        }
        m.appendTail(out);
        return out.toString();
    }
}
