package io.tillpoint.domain.model.webhook;

import io.tillpoint.domain.model.card.PanMasking;

/**
 * What one POST of a delivery came to: the receiver's status and the start of its answer, or why
 * there was no answer (a refused address, a connection that failed, a timeout). Only a 2xx
 * delivers; a redirect is not followed and counts as a failure.
 *
 * @param responseStatus the HTTP status, null when there was none
 * @param excerpt        the start of the answer's body, at most {@link #EXCERPT_LENGTH} characters,
 *                       one line, card numbers masked; null when there was none
 * @param error          why there was no answer or it did not count; null for a 2xx
 */
public record DeliveryAttempt(Integer responseStatus, String excerpt, String error) {

    public static final int EXCERPT_LENGTH = 200;

    public DeliveryAttempt {
        excerpt = shortened(excerpt);
        error = shortened(error);
    }

    /** The receiver answered {@code status}; {@code body}'s start is kept. */
    public static DeliveryAttempt answered(int status, String body) {
        String error = status >= 200 && status < 300 ? null
                : status >= 300 && status < 400 ? "redirect not followed (" + status + ")"
                : "answered " + status;
        return new DeliveryAttempt(status, body == null || body.isEmpty() ? null : body, error);
    }

    /** No answer: {@code why}. */
    public static DeliveryAttempt noAnswer(String why) {
        return new DeliveryAttempt(null, null, why);
    }

    public boolean delivered() {
        return responseStatus != null && responseStatus >= 200 && responseStatus < 300;
    }

    /**
     * One line of at most {@link #EXCERPT_LENGTH} characters: control characters become spaces and
     * card numbers are masked before it is cut (twice as much is looked at, so a number that
     * crosses the cut is masked too).
     */
    private static String shortened(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), 2 * EXCERPT_LENGTH));
        for (int i = 0; i < text.length() && line.length() < 2 * EXCERPT_LENGTH; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) || Character.isSurrogate(c) ? ' ' : c);
        }
        String masked = PanMasking.scrub(line.toString());
        return masked.length() > EXCERPT_LENGTH ? masked.substring(0, EXCERPT_LENGTH) : masked;
    }
}
