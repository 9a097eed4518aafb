package io.tillpoint.testbed.bench;

import java.util.regex.Pattern;

/** Makes server answers safe to print: no card-number-like digit runs, no secrets/tokens, bounded length. */
public final class Redact {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){11,18}");
    private static final Pattern SECRETS = Pattern.compile(
            "(\"(?:client_secret|access_token|secret|cvc|number)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final int MAX = 400;

    private Redact() {
    }

    /** An exception as "Type: message (cause: Type: message)", redacted. */
    public static String exception(Throwable e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            out.append(": ").append(e.getMessage());
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            out.append(" (cause: ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                out.append(": ").append(cause.getMessage());
            }
            out.append(')');
        }
        return body(out.toString());
    }

    public static String body(String body) {
        if (body == null) {
            return "<no body>";
        }
        String safe = SECRETS.matcher(body).replaceAll("$1\"<redacted>\"");
        safe = DIGIT_RUN.matcher(safe).replaceAll("<digits>");
        safe = safe.replaceAll("\\s+", " ").strip();
        return safe.length() > MAX ? safe.substring(0, MAX) + "..." : safe;
    }
}
