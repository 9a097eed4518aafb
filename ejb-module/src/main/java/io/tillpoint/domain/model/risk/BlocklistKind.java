package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.InvalidInputException;

/**
 * What a blocklist entry matches: a card (by the gateway's internal fingerprint, never shown), a
 * BIN (first six digits), an IP address, an email address, or one merchant's customer id.
 */
public enum BlocklistKind {
    CARD("card"),
    BIN("bin"),
    IP("ip"),
    EMAIL("email"),
    CUSTOMER_ID("customer_id");

    private final String wire;

    BlocklistKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The name of the rule that fires when a payment matches an entry of this kind. */
    public String ruleName() {
        return "blocklist_" + wire;
    }

    public static BlocklistKind ofWire(String wire, String param) {
        for (BlocklistKind k : values()) {
            if (k.wire.equals(wire)) {
                return k;
            }
        }
        throw new InvalidInputException(param, "must be one of card, bin, ip, email, customer_id");
    }
}
