package io.tillpoint.domain.model.settlement;

/** What a settled transaction is: a capture (money in, fee taken) or a refund (money out, no fee). */
public enum TransactionKind {
    CAPTURE,
    REFUND
}
