package io.tillpoint.domain.model.merchant;

/** Whether a merchant may use the gateway; the names are the database's and the API's. */
public enum MerchantStatus {
    ACTIVE("active"),
    /** Refused on its next request on any instance (403 {@code merchant_suspended}), tokens included. */
    SUSPENDED("suspended");

    private final String wire;

    MerchantStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static MerchantStatus ofWire(String wire) {
        for (MerchantStatus s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalStateException("unknown merchant status " + wire);
    }
}
