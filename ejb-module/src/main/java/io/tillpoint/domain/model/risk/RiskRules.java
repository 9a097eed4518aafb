package io.tillpoint.domain.model.risk;

import java.util.List;
import java.util.Optional;

/** The rules and every version of each (a port). */
public interface RiskRules {

    /** The current (highest) version of every rule, in the order of evaluation. */
    List<RiskRule> current();

    /** The current version of one rule. */
    Optional<RiskRule> find(String ruleId);

    /** Every version of one rule, newest first (empty when there is no such rule). */
    List<RiskRule> versions(String ruleId);

    /** Whether another rule's current version has this name. */
    boolean nameTaken(String name, String exceptRuleId);

    /**
     * Adds a version in the caller's transaction; false when that version of the rule exists
     * already (somebody else changed it first).
     */
    boolean add(RiskRule version);
}
