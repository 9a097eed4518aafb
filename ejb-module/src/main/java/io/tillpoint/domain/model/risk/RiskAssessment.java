package io.tillpoint.domain.model.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What risk control found for one payment, as its {@code risk} field shows it: a score from 0 to
 * 100 (the fired rules' scores added up, at most 100), the decision (the most severe of the fired
 * rules'; allow when none fired) and the names of the rules that fired, in their order.
 */
@Embeddable
public class RiskAssessment {

    /** Nothing fired. */
    public static final RiskAssessment ALLOW = new RiskAssessment(0, RiskDecision.ALLOW, List.of());

    @Column(name = "risk_score")
    private Integer score;

    @Column(name = "risk_decision", length = 16)
    private String decision;

    /** The fired rules' names, comma-separated (names are [a-z0-9_]). */
    @Column(name = "risk_rules", length = 1000)
    private String rules;

    protected RiskAssessment() {
    }

    private RiskAssessment(int score, RiskDecision decision, List<String> rules) {
        this.score = score;
        this.decision = decision.wire();
        this.rules = String.join(",", rules);
    }

    public static RiskAssessment of(int score, RiskDecision decision, List<String> rules) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a risk score is 0 to 100: " + score);
        }
        return new RiskAssessment(score, Objects.requireNonNull(decision), List.copyOf(rules));
    }

    public int score() {
        return score == null ? 0 : score;
    }

    public RiskDecision decision() {
        return decision == null ? RiskDecision.ALLOW : RiskDecision.ofWire(decision);
    }

    public List<String> rules() {
        return rules == null || rules.isEmpty() ? List.of() : Arrays.asList(rules.split(","));
    }

    /** The comma-separated names, as stored. */
    public String rulesText() {
        return rules == null ? "" : rules;
    }

    public boolean blocks() {
        return decision() == RiskDecision.BLOCK;
    }

    public boolean holdsForReview() {
        return decision() == RiskDecision.REVIEW;
    }

    public boolean stepsUp() {
        return decision() == RiskDecision.STEP_UP;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskAssessment other && score() == other.score() && decision() == other.decision()
                && rulesText().equals(other.rulesText());
    }

    @Override
    public int hashCode() {
        return Objects.hash(score(), decision(), rulesText());
    }

    @Override
    public String toString() {
        return "risk[" + score() + " " + decision().wire() + " " + rulesText() + "]";
    }
}
