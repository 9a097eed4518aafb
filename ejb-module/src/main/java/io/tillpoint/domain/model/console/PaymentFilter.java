package io.tillpoint.domain.model.console;

import io.tillpoint.domain.model.payment.PaymentStatus;
import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Instant;

/**
 * What the console's payment search looks for, across merchants; every part optional (null):
 * a payment id, a merchant's reference, a merchant, a status, an amount range in minor units
 * (with the currency when given), the card's last four, a creation time range [from, to).
 */
public record PaymentFilter(String paymentId, String reference, String merchantId, PaymentStatus status,
        String currency, Long minAmount, Long maxAmount, String cardLast4, Instant from, Instant to) {

    public static final PaymentFilter ANY = new PaymentFilter(null, null, null, null, null, null, null, null, null, null);

    public PaymentFilter {
        paymentId = blankToNull(paymentId);
        reference = blankToNull(reference);
        merchantId = blankToNull(merchantId);
        currency = blankToNull(currency);
        cardLast4 = blankToNull(cardLast4);
        if (cardLast4 != null && !cardLast4.matches("[0-9]{4}")) {
            throw new InvalidInputException("card_last4", "must be four digits");
        }
        if (minAmount != null && maxAmount != null && minAmount > maxAmount) {
            throw new InvalidInputException("max_amount", "must not be less than the minimum");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be later than from");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
