package io.tillpoint.domain.model.payment;

import io.tillpoint.domain.model.ledger.Journal;

/** A refund and the journal that books it; both are stored in the refund's transaction. */
public record RefundOutcome(Refund refund, Journal journal) {
}
