package io.tillpoint.domain.model.risk;

/** The one spelling of a freeze's or blocklist entry's key in memory: kind, value and, for a customer, its merchant. */
final class RiskKeys {

    private RiskKeys() {
    }

    static String of(SubjectKind kind, String value, String merchantId) {
        return value == null ? null : kind == SubjectKind.CUSTOMER ? "f:" + kind.wire() + ":" + merchantId + ":" + value
                : "f:" + kind.wire() + ":" + value;
    }

    static String of(BlocklistKind kind, String value, String merchantId) {
        return value == null ? null : kind == BlocklistKind.CUSTOMER_ID
                ? "b:" + kind.wire() + ":" + merchantId + ":" + value : "b:" + kind.wire() + ":" + value;
    }
}
