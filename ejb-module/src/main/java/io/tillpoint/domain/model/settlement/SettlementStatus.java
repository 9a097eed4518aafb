package io.tillpoint.domain.model.settlement;

/** A settlement is open while its run adds transactions to it, completed once its journals are posted. */
public enum SettlementStatus {
    OPEN,
    COMPLETED
}
