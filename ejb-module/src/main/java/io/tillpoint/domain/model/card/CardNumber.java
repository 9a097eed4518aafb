package io.tillpoint.domain.model.card;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A primary account number (PAN) in memory for the length of one request. It is never
 * stored or logged: {@link #toString()} is masked, and only {@link #bin()},
 * {@link #last4()} and a keyed fingerprint leave this object.
 */
public final class CardNumber {

    private static final String PARAM = "payment_method.card.number";
    private static final Pattern DIGITS_SPACES_DASHES = Pattern.compile("[0-9 -]+");
    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** Accepts digits, optionally grouped by single spaces or dashes; checks length and Luhn. */
    public static CardNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(PARAM, "is required");
        }
        if (raw.length() > 32 || !DIGITS_SPACES_DASHES.matcher(raw).matches()) {
            throw new InvalidInputException("invalid_number", PARAM, "must contain only digits");
        }
        String digits = raw.replace(" ", "").replace("-", "");
        if (digits.length() < 12 || digits.length() > 19) {
            throw new InvalidInputException("invalid_number", PARAM, "must have 12 to 19 digits");
        }
        if (!Luhn.isValid(digits)) {
            throw new InvalidInputException("invalid_number", PARAM, "is not a valid card number (Luhn check failed)");
        }
        return new CardNumber(digits);
    }

    public CardBrand brand() {
        return CardBrand.detect(digits);
    }

    public String bin() {
        return digits.substring(0, 6);
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    public String masked() {
        return PanMasking.mask(digits);
    }

    /** The clear digits, for the connector that sends them to the acquirer and for keyed hashing only. */
    public String reveal() {
        return digits;
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardNumber other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }
}
