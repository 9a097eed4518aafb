package io.tillpoint.domain.model.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every instance keeps in memory to screen a payment before the acquirer is called, at
 * change number {@link #counter}: the enabled screening rules in their order, the active
 * blocklist entries and freezes, and the merchants' usual amounts. Screening is a few hash
 * lookups and a pass over the rules: no database, no lock, nothing that waits.
 */
public final class RiskSnapshot {

    /** Nothing known yet (before the first read): every payment is allowed. */
    public static final RiskSnapshot NONE = new RiskSnapshot(-1, List.of(), List.of(), List.of(), Map.of());

    static final int BLOCKED_SCORE = 100;

    private final long counter;
    private final List<RiskRule> rules;
    private final List<RiskRule> velocity;
    private final RiskRule newCountryRule;
    private final Set<String> blocked;
    private final Map<String, Instant> frozenUntil;
    private final Map<String, MerchantAmounts> usualAmounts;
    private final int freezeCount;

    /**
     * @param rules the current version of every rule (disabled ones are left out here)
     * @param usualAmounts by {@link #usualKey merchant and currency}
     */
    public RiskSnapshot(long counter, Collection<RiskRule> rules, Collection<BlocklistEntry> blocklist,
            Collection<Freeze> freezes, Map<String, MerchantAmounts> usualAmounts) {
        this.counter = counter;
        List<RiskRule> screening = new ArrayList<>();
        List<RiskRule> afterwards = new ArrayList<>();
        RiskRule newCountry = null;
        for (RiskRule r : rules) {
            if (!r.enabled()) {
                continue;
            }
            if (!r.screening()) {
                afterwards.add(r);
                continue;
            }
            if (r.condition() instanceof Condition.NewCountry) {
                if (newCountry == null || r.order() < newCountry.order()) {
                    newCountry = r;
                }
            } else {
                screening.add(r);
            }
        }
        screening.sort(Comparator.comparingInt(RiskRule::order).thenComparing(RiskRule::name));
        this.rules = List.copyOf(screening);
        afterwards.sort(Comparator.comparingInt(RiskRule::order).thenComparing(RiskRule::name));
        this.velocity = List.copyOf(afterwards);
        this.newCountryRule = newCountry;
        Set<String> keys = new HashSet<>();
        for (BlocklistEntry e : blocklist) {
            if (e.active()) {
                keys.add(e.key());
            }
        }
        this.blocked = Set.copyOf(keys);
        Map<String, Instant> until = new HashMap<>();
        for (Freeze f : freezes) {
            if (f.liftedAt() == null) {
                until.merge(f.key(), f.expiresAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        this.frozenUntil = Map.copyOf(until);
        this.freezeCount = until.size();
        this.usualAmounts = Map.copyOf(usualAmounts);
    }

    public static String usualKey(String merchantId, String currency) {
        return merchantId + ":" + currency;
    }

    public long counter() {
        return counter;
    }

    /** Screens {@code facts} at {@code now}: frozen subjects and blocklist entries first, then the rules in order. */
    public Screening screen(PaymentFacts facts, Instant now) {
        List<Screening.Fired> fired = new ArrayList<>(2);
        for (SubjectKind kind : SubjectKind.values()) {
            if (frozen(facts.freezeKey(kind), now)
                    || (kind == SubjectKind.CARD && frozen(facts.merchantCardFreezeKey(), now))) {
                fired.add(new Screening.Fired("frozen_" + kind.wire(), -1, BLOCKED_SCORE, RiskDecision.BLOCK));
            }
        }
        for (BlocklistKind kind : BlocklistKind.values()) {
            String key = facts.blocklistKey(kind);
            if (key != null && blocked.contains(key)) {
                fired.add(new Screening.Fired(kind.ruleName(), -1, BLOCKED_SCORE, RiskDecision.BLOCK));
            }
        }
        for (RiskRule rule : rules) {
            if (holds(rule.condition(), facts)) {
                fired.add(new Screening.Fired(rule.name(), rule.order(), rule.score(), rule.action().decision()));
            }
        }
        return new Screening(facts, fired, newCountryRule);
    }

    private boolean frozen(String key, Instant now) {
        Instant until = key == null ? null : frozenUntil.get(key);
        return until != null && now.isBefore(until);
    }

    /** The enabled velocity rules, in their order: what the risk consumer evaluates after each outcome. */
    public List<RiskRule> velocityRules() {
        return velocity;
    }

    private boolean holds(Condition condition, PaymentFacts facts) {
        if (condition instanceof Condition.CountryMismatch c) {
            return c.holdsFor(facts);
        }
        if (condition instanceof Condition.AmountAbove c) {
            return c.holdsFor(facts);
        }
        if (condition instanceof Condition.AmountUnusual c) {
            return c.holdsFor(facts, usualAmounts.get(usualKey(facts.merchantId(), facts.amount().currency().code())));
        }
        return false;
    }

    @Override
    public String toString() {
        return "RiskSnapshot[" + counter + ": " + rules.size() + " screening rules, " + blocked.size()
                + " blocklist entries, " + freezeCount + " frozen subjects, " + usualAmounts.size() + " usual ranges]";
    }
}
