package io.tillpoint.domain.model.card;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/** The CVC/CVV: checked for format, passed to the acquirer, never stored, never logged. */
public final class CardVerificationCode {

    private static final String PARAM = "payment_method.card.cvc";
    private static final Pattern THREE_OR_FOUR_DIGITS = Pattern.compile("[0-9]{3,4}");
    private final String digits;

    private CardVerificationCode(String digits) {
        this.digits = digits;
    }

    /** Null when absent (card-not-present flows without CVC are allowed); otherwise 3 digits, 4 for Amex. */
    public static CardVerificationCode parse(String raw, CardBrand brand) {
        if (raw == null) {
            return null;
        }
        if (!THREE_OR_FOUR_DIGITS.matcher(raw).matches() || raw.length() != brand.cvcLength()) {
            throw new InvalidInputException("invalid_cvc", PARAM,
                    "must be " + brand.cvcLength() + " digits for " + brand.apiName() + " cards");
        }
        return new CardVerificationCode(raw);
    }

    public String reveal() {
        return digits;
    }

    @Override
    public String toString() {
        return "***";
    }
}
