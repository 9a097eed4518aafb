package io.tillpoint.domain.model.event;

import java.util.Optional;

/**
 * What an event says happened, with its name on the wire. The eight the contract lists as webhook
 * events are {@link #merchantVisible()}; the others are for the gateway's own consumers only.
 */
public enum EventType {
    /** Internal: the payment shows {@code processing} again (its outcome is unknown, or a step-up was answered). */
    PAYMENT_PROCESSING("payment.processing", false),
    /** Internal: the issuer asks the cardholder to confirm (step-up). */
    PAYMENT_REQUIRES_ACTION("payment.requires_action", false),
    PAYMENT_AUTHORIZED("payment.authorized", true),
    PAYMENT_CAPTURED("payment.captured", true),
    PAYMENT_DECLINED("payment.declined", true),
    PAYMENT_VOIDED("payment.voided", true),
    /** A refund succeeded; its data is the payment. */
    PAYMENT_REFUNDED("payment.refunded", true),
    PAYMENT_IN_REVIEW("payment.in_review", true),
    REFUND_PENDING("refund.pending", false),
    REFUND_SUCCEEDED("refund.succeeded", false),
    REFUND_FAILED("refund.failed", false),
    /** A freeze or block decided by the risk engine. */
    RISK_ALERT("risk.alert", true),
    RISK_FREEZE_LIFTED("risk.freeze_lifted", false),
    RISK_REVIEW_APPROVED("risk.review_approved", false),
    RISK_REVIEW_REJECTED("risk.review_rejected", false),
    SETTLEMENT_COMPLETED("settlement.completed", true);

    private final String wireName;
    private final boolean merchantVisible;

    EventType(String wireName, boolean merchantVisible) {
        this.wireName = wireName;
        this.merchantVisible = merchantVisible;
    }

    /** The name on the wire: {@code payment.captured}. */
    public String wireName() {
        return wireName;
    }

    /** True for the contract's webhook events: a merchant may subscribe to it and see its data. */
    public boolean merchantVisible() {
        return merchantVisible;
    }

    public static Optional<EventType> fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
