package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of a rule: a condition, a score (0 to 100, added to the payment's risk score when
 * it fires), an action, whether it is enabled, and its place in the order of evaluation. A change
 * is a new version with the same id; versions are never changed or deleted.
 */
public record RiskRule(String id, int version, String name, boolean enabled, int order, Condition condition,
        int score, RiskAction action, Duration freezeFor, Instant createdAt, String createdBy) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    public static final int MAX_ORDER = 100_000;
    public static final Duration MAX_FREEZE = Duration.ofDays(30);

    public RiskRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (version < 1) {
            throw new IllegalArgumentException("rule versions start at 1");
        }
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("blocklist_")
                || name.startsWith("frozen_")) {
            throw new InvalidInputException("name",
                    "must be 1 to 64 of a-z, 0-9 and _, starting with a letter (not blocklist_ or frozen_)");
        }
        if (order < 0 || order > MAX_ORDER) {
            throw new InvalidInputException("order", "must be from 0 to " + MAX_ORDER);
        }
        if (score < 0 || score > 100) {
            throw new InvalidInputException("score", "must be from 0 to 100");
        }
        if (!condition.kind().allows(action)) {
            throw new InvalidInputException("action", condition.kind().screening()
                    ? "must be review, block or step_up for a " + condition.kind().wire() + " condition"
                    : "must be freeze for a " + condition.kind().wire() + " condition");
        }
        if (action == RiskAction.FREEZE) {
            if (freezeFor == null || freezeFor.compareTo(Duration.ofMinutes(1)) < 0
                    || freezeFor.compareTo(MAX_FREEZE) > 0) {
                throw new InvalidInputException("freeze_minutes", "must be from 1 to " + MAX_FREEZE.toMinutes());
            }
        } else if (freezeFor != null) {
            throw new InvalidInputException("freeze_minutes", "is only for rules whose action is freeze");
        }
    }

    /** Version 1 of a new rule. */
    public static RiskRule create(String name, boolean enabled, int order, Condition condition, int score,
            RiskAction action, Duration freezeFor, Instant now, String by) {
        return new RiskRule(Ids.newId("rul"), 1, name, enabled, order, condition, score, action, freezeFor, now, by);
    }

    /** The next version of this rule, with everything as given. */
    public RiskRule nextVersion(String name, boolean enabled, int order, Condition condition, int score,
            RiskAction action, Duration freezeFor, Instant now, String by) {
        return new RiskRule(id, version + 1, name, enabled, order, condition, score, action, freezeFor, now, by);
    }

    public boolean screening() {
        return condition.kind().screening();
    }
}
