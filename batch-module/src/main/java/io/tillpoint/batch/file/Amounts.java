package io.tillpoint.batch.file;

import io.tillpoint.domain.shared.CurrencyCode;
import java.math.BigDecimal;

/** Minor units as the decimal amounts files show (ISO 4217 exponent: JPY 1999, USD 19.99, BHD 1.999), and back. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal decimal(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, CurrencyCode.of(currency).exponent());
    }

    static String text(long minorUnits, String currency) {
        return decimal(minorUnits, currency).toPlainString();
    }

    /** The minor units of a decimal amount in {@code currency}; refuses one with more decimals than the currency has. */
    static long minorUnits(BigDecimal amount, String currency) {
        return amount.movePointRight(CurrencyCode.of(currency).exponent()).longValueExact();
    }
}
