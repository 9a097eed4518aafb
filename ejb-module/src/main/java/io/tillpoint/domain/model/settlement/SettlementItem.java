package io.tillpoint.domain.model.settlement;

import java.time.Instant;

/**
 * One settled transaction: the capture or refund journal it settles (its identity: settled once),
 * the payment, the amount (positive) and the fee taken on it (zero for a refund).
 */
public record SettlementItem(String journalId, String merchantId, String currency, TransactionKind kind,
        String paymentId, long amount, long fee, Instant occurredAt) {

    /** What the item adds to its settlement's gross (captures). */
    public long gross() {
        return kind == TransactionKind.CAPTURE ? amount : 0;
    }

    /** What the item adds to its settlement's refunds. */
    public long refunds() {
        return kind == TransactionKind.REFUND ? amount : 0;
    }
}
