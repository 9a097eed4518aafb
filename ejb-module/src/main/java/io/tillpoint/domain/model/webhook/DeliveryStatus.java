package io.tillpoint.domain.model.webhook;

/** Where a delivery stands: still being tried, answered with a 2xx, or given up after 24 hours. */
public enum DeliveryStatus {
    PENDING("pending"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String wire;

    DeliveryStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static DeliveryStatus ofWire(String wire) {
        for (DeliveryStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("no delivery status " + wire);
    }
}
