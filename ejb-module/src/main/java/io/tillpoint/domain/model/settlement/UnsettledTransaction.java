package io.tillpoint.domain.model.settlement;

import java.time.Instant;

/**
 * A capture or refund journal that no settlement has taken yet, with the merchant's pricing at the
 * time it is read: what a settlement run reads.
 */
public record UnsettledTransaction(String journalId, String merchantId, String currency, TransactionKind kind,
        String paymentId, long amount, Instant occurredAt, int percentBps, long fixedFee) {

    /** The item this transaction becomes in a settlement, its fee computed as the contract says. */
    public SettlementItem toItem() {
        long fee = kind == TransactionKind.CAPTURE ? Fees.captureFee(amount, percentBps, fixedFee) : 0;
        return new SettlementItem(journalId, merchantId, currency, kind, paymentId, amount, fee, occurredAt);
    }
}
