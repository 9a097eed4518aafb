package io.tillpoint.domain.model.acquiring;

import io.tillpoint.domain.shared.Money;

/**
 * One capture, void, refund or reversal as sent to an acquirer. {@code operationId} is ours and
 * stays the same on every resend; {@code amount} is null for a void or reversal.
 */
public record OperationRequest(String operationId, OperationKind kind, String paymentId, String acquirerReference,
        Money amount) {
}
