package io.tillpoint.domain.model.ledger;

/** Why a journal was posted. */
public enum JournalType {
    AUTHORIZATION_HOLD,
    CAPTURE,
    VOID,
    REFUND
}
