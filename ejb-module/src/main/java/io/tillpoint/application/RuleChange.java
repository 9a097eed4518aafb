package io.tillpoint.application;

import io.tillpoint.domain.model.risk.Condition;
import io.tillpoint.domain.model.risk.RiskAction;
import java.time.Duration;

/**
 * A rule as an operator asks for it: a new rule ({@code ruleId} null) or the next version of one;
 * {@code expectedVersion} (null: any) is the version the operator changed, so that two operators'
 * changes of one rule never silently overwrite each other.
 */
public record RuleChange(String ruleId, Integer expectedVersion, String name, boolean enabled, int order,
        Condition condition, int score, RiskAction action, Duration freezeFor) {
}
