package io.tillpoint.domain.model.reconciliation;

import java.time.Instant;

/** A recorded mismatch and where an operator is with it ({@code open}, {@code resolved} with a reason). */
public record ReconciliationException(String id, String runId, String day, ExceptionKind kind, String merchantId,
        String acquirerReference, String paymentId, String type, Long ourAmount, String ourCurrency, Long theirAmount,
        String theirCurrency, String theirTransactionId, String status, String resolvedBy, String resolution,
        Instant resolvedAt, Instant createdAt) {
}
