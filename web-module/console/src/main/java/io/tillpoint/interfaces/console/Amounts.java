package io.tillpoint.interfaces.console;

import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Minor units to what people read ("1,234.50 USD") and typed amounts back to minor units, exactly (no floating point). */
@Named("amounts")
@ApplicationScoped
public class Amounts {

    public String format(long minorUnits, String currency) {
        int exponent = exponent(currency);
        BigDecimal value = BigDecimal.valueOf(minorUnits, exponent);
        return String.format("%,." + exponent + "f %s", value, currency);
    }

    /** An amount typed in major units ("12.50") as minor units of {@code currency}; null for an empty field. */
    public static Long parse(String typed, String currency, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(typed.strip().replace(",", ""));
            if (value.signum() <= 0) {
                throw new InvalidInputException(field, "must be a positive amount");
            }
            return value.setScale(exponent(currency), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(field, "must be an amount with at most " + exponent(currency) + " decimals");
        }
    }

    static int exponent(String currency) {
        if (currency == null || currency.isBlank()) {
            return 2;
        }
        try {
            return CurrencyCode.of(currency).exponent();
        } catch (RuntimeException unknown) {
            return 2;
        }
    }
}
