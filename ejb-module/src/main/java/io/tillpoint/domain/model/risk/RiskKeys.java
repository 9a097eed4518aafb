package io.tillpoint.domain.model.risk;

/** The one spelling of a freeze's or blocklist entry's key in memory: kind, value and, for a customer, its merchant. */
final class RiskKeys {

    private RiskKeys() {
    }

    /** A customer's key names its merchant; so does a card's when the freeze is of one merchant's use of it. */
    static String of(SubjectKind kind, String value, String merchantId) {
        return value == null ? null : merchantId != null && kind != SubjectKind.MERCHANT
                ? "f:" + kind.wire() + ":" + merchantId + ":" + value : "f:" + kind.wire() + ":" + value;
    }

    static String of(BlocklistKind kind, String value, String merchantId) {
        return value == null ? null : kind == BlocklistKind.CUSTOMER_ID
                ? "b:" + kind.wire() + ":" + merchantId + ":" + value : "b:" + kind.wire() + ":" + value;
    }
}
