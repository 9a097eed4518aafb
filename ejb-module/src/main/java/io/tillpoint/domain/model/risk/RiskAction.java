package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.InvalidInputException;

/**
 * What a rule does when its condition holds. The rules screened before the acquirer is called
 * review, block or step up the payment; the velocity rules, evaluated after it from the events,
 * freeze a card, customer, IP address or merchant.
 */
public enum RiskAction {
    REVIEW("review", RiskDecision.REVIEW),
    BLOCK("block", RiskDecision.BLOCK),
    STEP_UP("step_up", RiskDecision.STEP_UP),
    FREEZE("freeze", null);

    private final String wire;
    private final RiskDecision decision;

    RiskAction(String wire, RiskDecision decision) {
        this.wire = wire;
        this.decision = decision;
    }

    public String wire() {
        return wire;
    }

    /** The payment's decision when a screening rule with this action fires (null for a freeze). */
    public RiskDecision decision() {
        return decision;
    }

    public static RiskAction ofWire(String wire, String param) {
        for (RiskAction a : values()) {
            if (a.wire.equals(wire)) {
                return a;
            }
        }
        throw new InvalidInputException(param, "must be one of review, block, step_up, freeze");
    }
}
