package io.tillpoint.domain.model.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the in-memory screening of one payment found ({@link RiskSnapshot#screen}), and the one
 * check it could not make from memory: whether the customer pays from a country none of its
 * earlier approved payments came from. Those countries are read in the statement that records
 * the attempt ({@link #countryHistoryWanted}), and {@link #withKnownCountries} finishes the
 * assessment; {@link #assessment} is it without them.
 */
public final class Screening {

    /** A rule that fired: its name, place in the order, score and decision. */
    record Fired(String name, int order, int score, RiskDecision decision) {
    }

    private final PaymentFacts facts;
    private final List<Fired> fired;
    private final RiskRule newCountryRule;

    Screening(PaymentFacts facts, List<Fired> fired, RiskRule newCountryRule) {
        this.facts = facts;
        this.fired = List.copyOf(fired);
        this.newCountryRule = newCountryRule;
    }

    public PaymentFacts facts() {
        return facts;
    }

    /** The assessment of what memory could tell. */
    public RiskAssessment assessment() {
        return assess(fired);
    }

    /**
     * True when the new-country rule is on and can apply (a customer id and a payer's country),
     * and nothing blocks the payment anyway: then the customer's known countries are worth reading.
     */
    public boolean countryHistoryWanted() {
        return newCountryRule != null && facts.customerId() != null && facts.payerCountry() != null
                && !assessment().blocks();
    }

    /**
     * The whole assessment, given the countries of the customer's earlier approved payments
     * (empty when it has none: a first payment is no new country).
     */
    public RiskAssessment withKnownCountries(Set<String> known) {
        if (!countryHistoryWanted() || known.isEmpty() || known.contains(facts.payerCountry())) {
            return assessment();
        }
        List<Fired> all = new ArrayList<>(fired);
        all.add(new Fired(newCountryRule.name(), newCountryRule.order(), newCountryRule.score(),
                newCountryRule.action().decision()));
        return assess(all);
    }

    private static RiskAssessment assess(List<Fired> fired) {
        List<Fired> ordered = new ArrayList<>(fired);
        ordered.sort(Comparator.comparingInt(Fired::order));
        int score = 0;
        RiskDecision decision = RiskDecision.ALLOW;
        List<String> names = new ArrayList<>(ordered.size());
        for (Fired f : ordered) {
            score = Math.min(100, score + f.score());
            decision = decision.and(f.decision());
            names.add(f.name());
        }
        return RiskAssessment.of(score, decision, names);
    }
}
