package io.tillpoint.domain.shared;

import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;

/** An ISO 4217 currency that money can be held in, with its minor-unit exponent. */
public record CurrencyCode(String code, int exponent) {

    /** Codes ISO reserves for testing, "no currency" and precious metals: not money we move. */
    private static final Set<String> NOT_TRADEABLE = Set.of("XTS", "XXX", "XAU", "XAG", "XPD", "XPT",
            "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA");

    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        if (code == null || !THREE_LETTERS.matcher(code).matches()) {
            throw new InvalidInputException("currency", "must be an upper-case ISO 4217 code");
        }
    }

    public static CurrencyCode of(String code) {
        if (code == null || !THREE_LETTERS.matcher(code).matches() || NOT_TRADEABLE.contains(code)) {
            throw new InvalidInputException("currency", "must be an upper-case ISO 4217 code");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("currency", "unknown ISO 4217 currency '" + code + "'");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidInputException("currency", "'" + code + "' has no minor unit");
        }
        return new CurrencyCode(code, currency.getDefaultFractionDigits());
    }

    @Override
    public String toString() {
        return code;
    }
}
