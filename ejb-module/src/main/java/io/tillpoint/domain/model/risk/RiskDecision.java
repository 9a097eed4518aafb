package io.tillpoint.domain.model.risk;

/**
 * What risk control decided for a payment, as its {@code risk.decision} shows it. Of several rules
 * that fire, the most severe decision wins: block, then review, then step-up.
 */
public enum RiskDecision {
    ALLOW("allow"),
    STEP_UP("step_up"),
    REVIEW("review"),
    BLOCK("block");

    private final String wire;

    RiskDecision(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The more severe of the two. */
    public RiskDecision and(RiskDecision other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public static RiskDecision ofWire(String wire) {
        for (RiskDecision d : values()) {
            if (d.wire.equals(wire)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no risk decision " + wire);
    }
}
