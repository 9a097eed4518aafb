package io.tillpoint.domain.model.card;

import io.tillpoint.domain.shared.InvalidInputException;
import java.time.YearMonth;

/** A card's expiry month: valid through the last day of that month. */
public record ExpiryDate(int month, int year) {

    public static ExpiryDate of(Integer month, Integer year, YearMonth today) {
        if (month == null) {
            throw new InvalidInputException("payment_method.card.exp_month", "is required");
        }
        if (year == null) {
            throw new InvalidInputException("payment_method.card.exp_year", "is required");
        }
        if (month < 1 || month > 12) {
            throw new InvalidInputException("invalid_expiry_month", "payment_method.card.exp_month", "must be 1 to 12");
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("invalid_expiry_year", "payment_method.card.exp_year", "must be a four-digit year");
        }
        ExpiryDate expiry = new ExpiryDate(month, year);
        if (YearMonth.of(year, month).isBefore(today)) {
            throw new InvalidInputException("invalid_expiry_year", "payment_method.card.exp_year", "the card has expired");
        }
        if (YearMonth.of(year, month).isAfter(today.plusYears(50))) {
            throw new InvalidInputException("invalid_expiry_year", "payment_method.card.exp_year", "is too far in the future");
        }
        return expiry;
    }
}
