package io.tillpoint.domain.model.merchant;

import io.tillpoint.domain.model.card.PanMasking;
import io.tillpoint.domain.shared.InvalidInputException;

/**
 * Why an operator suspended, reactivated or revoked: required, at most {@value #MAX_LENGTH}
 * characters. It is kept and shown to operators, so a card number typed into it is masked.
 */
public record Reason(String text) {

    public static final int MAX_LENGTH = 500;

    public Reason {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("reason", "is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        text = PanMasking.scrub(text.strip());
    }

    public static Reason of(String text) {
        return new Reason(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
