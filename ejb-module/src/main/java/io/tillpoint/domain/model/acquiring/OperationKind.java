package io.tillpoint.domain.model.acquiring;

/** What the gateway owes the acquirer after an authorization. */
public enum OperationKind {
    /** Take the authorized amount (all or part). */
    CAPTURE,
    /** Cancel an authorization the merchant no longer wants. */
    VOID,
    /** Give captured money back. */
    REFUND,
    /** Release an authorization the gateway did not record as approved (a late or lost approval). */
    REVERSAL
}
