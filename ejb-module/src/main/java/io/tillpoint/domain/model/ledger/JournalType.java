package io.tillpoint.domain.model.ledger;

/** Why a journal was posted. */
public enum JournalType {
    AUTHORIZATION_HOLD,
    CAPTURE,
    VOID,
    REFUND,
    /** A settlement: the pending balance to payable, the fees to revenue (names the settlement). */
    SETTLEMENT,
    /** A payout instructed for a settlement (names the settlement). */
    PAYOUT
}
