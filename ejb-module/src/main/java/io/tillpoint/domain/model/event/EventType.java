package io.tillpoint.domain.model.event;

import java.util.Arrays;
import java.util.Optional;

/** What an event says happened; the wire name is what consumers and merchants see. */
public enum EventType {
    PAYMENT_PROCESSING("payment.processing", false),
    PAYMENT_REQUIRES_ACTION("payment.requires_action", false),
    PAYMENT_AUTHORIZED("payment.authorized", true),
    PAYMENT_CAPTURED("payment.captured", true),
    PAYMENT_DECLINED("payment.declined", true),
    PAYMENT_VOIDED("payment.voided", true),
    PAYMENT_REFUNDED("payment.refunded", true),
    PAYMENT_IN_REVIEW("payment.in_review", true),
    REFUND_PENDING("refund.pending", false),
    REFUND_SUCCEEDED("refund.succeeded", false),
    REFUND_FAILED("refund.failed", false),
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

    public String wireName() {
        return wireName;
    }

    /** True for the contract's eight webhook events. */
    public boolean merchantVisible() {
        return merchantVisible;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
