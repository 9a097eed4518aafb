package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.InvalidInputException;

/** What a freeze or a velocity count is about. A customer is one merchant's customer id. */
public enum SubjectKind {
    CARD("card"),
    CUSTOMER("customer"),
    IP("ip"),
    MERCHANT("merchant");

    private final String wire;

    SubjectKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static SubjectKind ofWire(String wire, String param) {
        for (SubjectKind k : values()) {
            if (k.wire.equals(wire)) {
                return k;
            }
        }
        throw new InvalidInputException(param, "must be one of card, customer, ip, merchant");
    }
}
