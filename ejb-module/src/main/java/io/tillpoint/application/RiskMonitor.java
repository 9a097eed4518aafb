package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.event.DomainEvents;
import io.tillpoint.domain.model.risk.Condition;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.Freezes;
import io.tillpoint.domain.model.risk.IpAddress;
import io.tillpoint.domain.model.risk.RiskChanges;
import io.tillpoint.domain.model.risk.RiskHistory;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.risk.SubjectKind;
import io.tillpoint.domain.model.risk.VelocityCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The asynchronous half of risk control: what the risk consumer does with each payment outcome,
 * in the consumer's transaction. It keeps the outcome in the recent history (once per payment),
 * learns from an approval (the merchant's usual amounts, the customer's country), and evaluates the
 * velocity rules over the history: a rule that holds freezes its subject (unless a freeze is
 * active already), moves the risk change counter on so that every instance blocks the subject's
 * next attempt within a second, leaves an audit entry by the gateway itself and records a
 * {@code risk.alert} for the merchant whose payment tipped it. Blocked attempts
 * ({@code risk_blocked}) never reached an acquirer and are not counted; neither are
 * {@code processing_error} declines, which are not the payer's doing.
 */
@ApplicationScoped
public class RiskMonitor {

    private static final Logger LOG = Logger.getLogger(RiskMonitor.class.getName());
    static final AuditAction FREEZE_CREATED = RiskAdministration.FREEZE_CREATED;

    @Inject
    RiskHistory history;

    @Inject
    Freezes freezes;

    @Inject
    RiskChanges changes;

    @Inject
    AuditTrail audit;

    @Inject
    RiskControl control;

    @Inject
    PublicTestCards testCards;

    @Inject
    Clock clock;

    @Inject
    DomainEvents events;

    /** The freezes this outcome made (empty for most). */
    public List<Freeze> observe(PaymentOutcome o) {
        return observeAll(List.of(o));
    }

    /**
     * The freezes these outcomes made (a batch off the risk queue), in their order: their attempts
     * recorded in one statement, then each one's velocity rules, counting up to its own time.
     */
    public List<Freeze> observeAll(List<PaymentOutcome> outcomes) {
        List<PaymentOutcome> counted = new ArrayList<>(outcomes.size());
        List<RiskHistory.Recorded> attempts = new ArrayList<>(outcomes.size());
        for (PaymentOutcome o : outcomes) {
            if (!o.approved() && ("risk_blocked".equals(o.declineCode()) || "processing_error".equals(o.declineCode()))) {
                continue;
            }
            String ip = IpAddress.canonical(o.customerIp());
            counted.add(o);
            attempts.add(new RiskHistory.Recorded(new RiskHistory.Attempt(o.paymentId(), o.merchantId(),
                    o.cardFingerprint(), o.bin(), o.customerId(), ip, o.amount(), o.currency(), o.approved(),
                    o.declineCode(), o.at()), control.payerCountry(o.customerCountry(), ip)));
        }
        if (attempts.isEmpty()) {
            return List.of();
        }
        Set<String> recorded = history.recordAll(attempts);
        List<Freeze> made = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            PaymentOutcome o = counted.get(i);
            // A payment's first outcome in the batch is the one recorded; its later ones count nothing.
            if (!recorded.remove(o.paymentId())) {
                continue;
            }
            String ip = attempts.get(i).attempt().ip();
            boolean sharedCard = testCards.contains(o.cardFingerprint());
            for (RiskRule rule : control.snapshot().velocityRules()) {
                Freeze freeze = evaluate(rule, o, ip, sharedCard);
                if (freeze != null) {
                    made.add(freeze);
                }
            }
        }
        return made;
    }

    private Freeze evaluate(RiskRule rule, PaymentOutcome o, String ip, boolean sharedCard) {
        SubjectKind kind;
        Duration window;
        if (rule.condition() instanceof Condition.FailureStreak streak) {
            if (o.approved()) {
                return null;
            }
            kind = streak.subject();
            window = streak.window();
        } else if (rule.condition() instanceof Condition.CardTesting testing) {
            Long small = testing.smallAmounts().amounts().get(o.currency());
            if (small == null || o.amount() > small) {
                return null;
            }
            kind = testing.subject();
            window = testing.window();
        } else {
            return null;
        }
        String value = switch (kind) {
            case CARD -> o.cardFingerprint();
            case CUSTOMER -> o.customerId();
            case IP -> ip;
            case MERCHANT -> o.merchantId();
        };
        if (value == null) {
            return null;
        }
        String scope = kind == SubjectKind.CUSTOMER || (kind == SubjectKind.CARD && sharedCard) ? o.merchantId() : null;
        VelocityCount count = history.count(kind, value, scope, o.at().minus(window), o.at(),
                rule.condition() instanceof Condition.CardTesting t ? t.smallAmounts() : null);
        boolean holds = rule.condition() instanceof Condition.FailureStreak streak ? streak.holdsFor(count)
                : ((Condition.CardTesting) rule.condition()).holdsFor(count);
        if (!holds) {
            return null;
        }
        Instant now = clock.now();
        freezes.lockSubject(kind, value, scope);
        if (freezes.activeFor(kind, value, scope, now)) {
            return null;
        }
        Freeze freeze = Freeze.byRule(rule, kind, value, scope, o.bin(), o.paymentId(), reason(rule, count, window),
                now);
        freezes.add(freeze);
        changes.recordChange();
        audit.append(AuditEntry.of(AuditContext.SYSTEM, FREEZE_CREATED, new AuditTarget("risk_freeze", freeze.id()),
                null, RiskStates.of(freeze, now), now));
        events.record(RiskEventsRecorded.alert(freeze, o.merchantId(), now));
        LOG.info(() -> "rule " + rule.name() + " froze a " + kind.wire() + " (" + freeze.id() + ") after payment "
                + o.paymentId() + " until " + freeze.expiresAt());
        return freeze;
    }

    private static String reason(RiskRule rule, VelocityCount count, Duration window) {
        return rule.name() + ": " + count.attempts() + " attempts, " + count.declined() + " declined, on "
                + count.distinctCards() + " cards within " + window.toMinutes() + " minutes";
    }
}
