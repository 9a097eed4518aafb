package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of condition a rule can have. The screening kinds are checked in memory before the
 * acquirer is called and review, block or step up the payment; the velocity kinds count recent
 * attempts after the fact (the risk consumer) and freeze what they count.
 */
public enum ConditionKind {
    COUNTRY_MISMATCH("country_mismatch", true),
    AMOUNT_ABOVE("amount_above", true),
    AMOUNT_UNUSUAL("amount_unusual", true),
    NEW_COUNTRY("new_country", true),
    FAILURE_STREAK("failure_streak", false),
    CARD_TESTING("card_testing", false);

    private static final Set<RiskAction> SCREENING_ACTIONS = EnumSet.of(RiskAction.REVIEW, RiskAction.BLOCK,
            RiskAction.STEP_UP);

    private final String wire;
    private final boolean screening;

    ConditionKind(String wire, boolean screening) {
        this.wire = wire;
        this.screening = screening;
    }

    public String wire() {
        return wire;
    }

    /** True when checked before the acquirer is called (in memory); false for the velocity kinds. */
    public boolean screening() {
        return screening;
    }

    /** Whether a rule of this kind may take {@code action}. */
    public boolean allows(RiskAction action) {
        return screening ? SCREENING_ACTIONS.contains(action) : action == RiskAction.FREEZE;
    }

    public static ConditionKind ofWire(String wire, String param) {
        for (ConditionKind k : values()) {
            if (k.wire.equals(wire)) {
                return k;
            }
        }
        throw new InvalidInputException(param, "must be one of country_mismatch, amount_above, amount_unusual,"
                + " new_country, failure_streak, card_testing");
    }
}
