package io.tillpoint.domain.model.console;

import java.time.Instant;

/** One payment as the console's search lists it: the card only as brand and last four. */
public record PaymentRow(String id, String merchantId, String merchantName, String status, long amount,
        String currency, long amountRefunded, String reference, String cardBrand, String cardLast4,
        String declineCode, String riskDecision, Instant createdAt) {
}
