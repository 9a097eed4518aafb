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

    private static final java.util.regex.Pattern DIGIT_RUN = java.util.regex.Pattern.compile("\\d(?:[ -]?\\d){11,}");

    /**
     * Masks every card number inside free text. Within each run of digit groups (separated by
     * single spaces or dashes), any span of whole groups holding 12 to 19 digits that passes
     * Luhn becomes {@link #mask}: so a CVC, a date or a quantity next to a card number does not
     * hide it, while an unrelated long number (a timestamp) is kept.
     */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = DIGIT_RUN.matcher(text);
        int copied = 0;
        while (m.find()) {
            out.append(text, copied, m.start()).append(scrubRun(m.group()));
            copied = m.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static String scrubRun(String run) {
        String[] groups = run.split("[ -]");
        String[] separators = run.replaceAll("\\d", "").split("");
        StringBuilder out = new StringBuilder();
        int g = 0;
        while (g < groups.length) {
            int end = -1;
            StringBuilder digits = new StringBuilder();
            for (int k = g; k < groups.length && digits.length() + groups[k].length() <= 19; k++) {
                digits.append(groups[k]);
                if (digits.length() >= 12 && Luhn.isValid(digits.toString())) {
                    end = k;
                }
            }
            if (g > 0) {
                out.append(separators[g - 1]);
            }
            if (end >= 0) {
                StringBuilder pan = new StringBuilder();
                for (int k = g; k <= end; k++) {
                    pan.append(groups[k]);
                }
                out.append(mask(pan.toString()));
                g = end + 1;
            } else {
                out.append(groups[g]);
                g++;
            }
        }
        return out.toString();
    }
}
