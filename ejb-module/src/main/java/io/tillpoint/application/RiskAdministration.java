package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.event.DomainEvents;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.risk.Blocklist;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.BlocklistKind;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.Freezes;
import io.tillpoint.domain.model.risk.IpAddress;
import io.tillpoint.domain.model.risk.RiskChanges;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.risk.RiskRules;
import io.tillpoint.domain.model.risk.SubjectKind;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Operators steer risk control: rule versions, blocklist entries, freezes and their lifts. Each
 * change is one transaction that writes it, moves the risk change counter on (so every instance's
 * in-memory copy catches up within a second), appends its audit entry and records its event (a
 * freeze's {@code risk.alert}, a lift's {@code risk.freeze_lifted}), all or nothing; a
 * request's claimed idempotency key is completed with the answer in the same transaction.
 */
@Stateless
public class RiskAdministration {

    private static final Logger LOG = Logger.getLogger(RiskAdministration.class.getName());
    public static final Duration LONGEST_FREEZE = Duration.ofDays(30);

    @Inject
    RiskRules rules;

    @Inject
    Blocklist blocklist;

    @Inject
    Freezes freezes;

    @Inject
    RiskChanges changes;

    @Inject
    PaymentRepository payments;

    @Inject
    MerchantRepository merchants;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    @Inject
    DomainEvents events;

    // ----------------------------------------------------------------------------------- rules

    public List<RiskRule> rules() {
        return rules.current();
    }

    /** Every version of a rule, newest first. */
    public List<RiskRule> ruleVersions(String ruleId) {
        List<RiskRule> versions = rules.versions(ruleId);
        if (versions.isEmpty()) {
            throw new NotFoundException("rule", ruleId);
        }
        return versions;
    }

    /**
     * A new rule, or the next version of one; the old version stays. A rule's name is unique
     * among the current rules; {@code expectedVersion}, when given, must be the current one
     * (409 {@code rule_version_conflict} otherwise).
     */
    public RiskRule saveRule(RuleChange change, AuditContext context, KeyedRequest keyed,
            Function<RiskRule, StoredResponse> stored) {
        Instant now = clock.now();
        String by = context.actor().id();
        RiskRule before = null;
        RiskRule saved;
        if (change.ruleId() == null) {
            if (change.expectedVersion() != null) {
                throw new InvalidInputException("version", "is only for a change of an existing rule (with its id)");
            }
            saved = RiskRule.create(change.name(), change.enabled(), change.order(), change.condition(), change.score(),
                    change.action(), change.freezeFor(), now, by);
        } else {
            before = rules.find(change.ruleId()).orElseThrow(() -> new NotFoundException("rule", change.ruleId()));
            if (change.expectedVersion() != null && change.expectedVersion() != before.version()) {
                throw versionConflict(before);
            }
            saved = before.nextVersion(change.name(), change.enabled(), change.order(), change.condition(),
                    change.score(), change.action(), change.freezeFor(), now, by);
        }
        if (rules.nameTaken(saved.name(), saved.id())) {
            throw new ConflictException("rule_name_taken", "Another rule is named '" + saved.name() + "'");
        }
        if (!rules.add(saved)) {
            throw versionConflict(saved);
        }
        changes.recordChange();
        audit.append(AuditEntry.of(context, before == null ? RISK_RULE_CREATED : RISK_RULE_CHANGED,
                new AuditTarget("risk_rule", saved.id()), before == null ? null : RiskStates.of(before),
                RiskStates.of(saved), now));
        complete(keyed, stored.apply(saved), now);
        LOG.info(() -> "risk rule " + saved.name() + " (" + saved.id() + ") version " + saved.version() + " by " + by);
        return saved;
    }

    private static ConflictException versionConflict(RiskRule rule) {
        return new ConflictException("rule_version_conflict", "Rule " + rule.id()
                + " was changed by somebody else meanwhile; read it again and send your change with its version");
    }

    // ------------------------------------------------------------------------------- blocklist

    /**
     * A blocklist entry of {@code kind}: a card by a payment that was made with it
     * ({@code paymentId}), any other kind by its {@code value}; a customer id with its merchant.
     */
    public BlocklistEntry block(BlocklistKind kind, String value, String paymentId, String merchantId, Reason reason,
            AuditContext context, KeyedRequest keyed, Function<BlocklistEntry, StoredResponse> stored) {
        Instant now = clock.now();
        String by = context.actor().id();
        BlocklistEntry entry;
        if (kind == BlocklistKind.CARD) {
            if (value != null || merchantId != null) {
                throw new InvalidInputException(value != null ? "value" : "merchant_id",
                        "is not for a card entry: name the card by a payment made with it (payment_id)");
            }
            Payment payment = cardPayment(paymentId);
            entry = BlocklistEntry.newCard(payment.card().internalFingerprint(), payment.card().bin(),
                    payment.card().last4(), reason.text(), now, by);
        } else {
            if (paymentId != null) {
                throw new InvalidInputException("payment_id", "is only for card entries");
            }
            if (merchantId != null) {
                requireMerchant(merchantId);
            }
            entry = BlocklistEntry.newEntry(kind, value, merchantId, reason.text(), now, by);
        }
        if (blocklist.findActive(entry.kind(), entry.value(), entry.merchantId()).isPresent()) {
            throw new ConflictException("already_blocklisted", "An active blocklist entry of this "
                    + kind.wire() + " exists already");
        }
        blocklist.add(entry);
        changes.recordChange();
        audit.append(AuditEntry.of(context, BLOCKLIST_ADDED, new AuditTarget("risk_blocklist_entry", entry.id()), null,
                RiskStates.of(entry), now));
        complete(keyed, stored.apply(entry), now);
        LOG.info(() -> "blocklist entry " + entry.id() + " (" + kind.wire() + ") added by " + by);
        return entry;
    }

    /** Removes an entry: payments it matched go through again, on every instance within a second. */
    public BlocklistEntry unblock(String entryId, Reason reason, AuditContext context) {
        BlocklistEntry before = blocklist.find(entryId).orElseThrow(() -> new NotFoundException("blocklist entry", entryId));
        Instant now = clock.now();
        if (!blocklist.remove(entryId, now, context.actor().id(), reason.text())) {
            throw new InvalidStateException("Blocklist entry " + entryId + " was removed already");
        }
        changes.recordChange();
        BlocklistEntry after = blocklist.find(entryId).orElseThrow();
        audit.append(AuditEntry.of(context, BLOCKLIST_REMOVED, new AuditTarget("risk_blocklist_entry", entryId),
                RiskStates.of(before), RiskStates.of(after), now));
        LOG.info(() -> "blocklist entry " + entryId + " removed by " + context.actor().id());
        return after;
    }

    /** The active entry of this kind and value (and merchant, for a customer id): what a delete by value removes. */
    public BlocklistEntry activeEntry(BlocklistKind kind, String value, String merchantId) {
        if (kind == BlocklistKind.CARD) {
            throw new InvalidInputException("kind", "card entries are removed by their id");
        }
        return blocklist.findActive(kind, BlocklistEntry.matched(kind, value), merchantId)
                .orElseThrow(() -> new NotFoundException("blocklist entry", kind.wire()));
    }

    public BlocklistEntry blocklistEntry(String entryId) {
        return blocklist.find(entryId).orElseThrow(() -> new NotFoundException("blocklist entry", entryId));
    }

    public List<BlocklistEntry> blocklist(BlocklistKind kind, String startingAfter, int limit) {
        BlocklistEntry cursor = startingAfter == null ? null : blocklist.find(startingAfter)
                .orElseThrow(() -> new InvalidInputException("starting_after", "is not a blocklist entry"));
        return blocklist.listActive(kind, cursor, limit);
    }

    // --------------------------------------------------------------------------------- freezes

    /**
     * An analyst's freeze of a card (by a payment made with it), a customer (of a merchant), an IP
     * address or a merchant, for {@code duration}.
     */
    public Freeze freeze(SubjectKind kind, String value, String paymentId, String merchantId, Duration duration,
            Reason reason, AuditContext context, KeyedRequest keyed, Function<Freeze, StoredResponse> stored) {
        if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(LONGEST_FREEZE) > 0) {
            throw new InvalidInputException("minutes", "must be from 1 to " + LONGEST_FREEZE.toMinutes());
        }
        Instant now = clock.now();
        String by = context.actor().id();
        Freeze freeze = switch (kind) {
            case CARD -> {
                if (value != null || merchantId != null) {
                    throw new InvalidInputException(value != null ? "subject.value" : "subject.merchant_id",
                            "is not for a card: name the card by a payment made with it (subject.payment_id)");
                }
                Payment payment = cardPayment(paymentId);
                yield Freeze.byAnalyst(kind, payment.card().internalFingerprint(), null, payment.card().bin(),
                        payment.id(), reason.text(), now, now.plus(duration), by);
            }
            case CUSTOMER -> {
                requireValue(value, 255);
                if (merchantId == null) {
                    throw new InvalidInputException("subject.merchant_id", "is required for a customer");
                }
                requireMerchant(merchantId);
                yield Freeze.byAnalyst(kind, value, merchantId, null, null, reason.text(), now, now.plus(duration), by);
            }
            case IP -> {
                String ip = IpAddress.canonical(value);
                if (ip == null) {
                    throw new InvalidInputException("subject.value", "must be an IPv4 or IPv6 address");
                }
                yield Freeze.byAnalyst(kind, ip, null, null, null, reason.text(), now, now.plus(duration), by);
            }
            case MERCHANT -> {
                requireValue(value, 40);
                requireMerchant(value);
                yield Freeze.byAnalyst(kind, value, null, null, null, reason.text(), now, now.plus(duration), by);
            }
        };
        if (kind != SubjectKind.CARD && paymentId != null) {
            throw new InvalidInputException("subject.payment_id", "is only for a card");
        }
        if (kind != SubjectKind.CUSTOMER && kind != SubjectKind.CARD && merchantId != null) {
            throw new InvalidInputException("subject.merchant_id", "is only for a customer");
        }
        freezes.add(freeze);
        changes.recordChange();
        audit.append(AuditEntry.of(context, FREEZE_CREATED, new AuditTarget("risk_freeze", freeze.id()), null,
                RiskStates.of(freeze, now), now));
        events.record(RiskEventsRecorded.alert(freeze, RiskEventsRecorded.concerned(freeze), now));
        complete(keyed, stored.apply(freeze), now);
        LOG.info(() -> "freeze " + freeze.id() + " of a " + kind.wire() + " by " + by);
        return freeze;
    }

    /** Lifts an active freeze: its subject may pay again, on every instance within a second. */
    public Freeze lift(String freezeId, Reason reason, AuditContext context, KeyedRequest keyed,
            Function<Freeze, StoredResponse> stored) {
        Freeze before = freeze(freezeId);
        Instant now = clock.now();
        if (!freezes.lift(freezeId, now, context.actor().id(), reason.text())) {
            throw new InvalidStateException("Freeze " + freezeId + " is " + before.status(now) + ", not active");
        }
        changes.recordChange();
        Freeze after = freeze(freezeId);
        audit.append(AuditEntry.of(context, FREEZE_LIFTED, new AuditTarget("risk_freeze", freezeId),
                RiskStates.of(before, now), RiskStates.of(after, now), now));
        events.record(RiskEventsRecorded.lifted(after, now));
        complete(keyed, stored.apply(after), now);
        LOG.info(() -> "freeze " + freezeId + " lifted by " + context.actor().id());
        return after;
    }

    public Freeze freeze(String freezeId) {
        return freezes.find(freezeId).orElseThrow(() -> new NotFoundException("freeze", freezeId));
    }

    public List<Freeze> freezes(Freezes.Listed which, String startingAfter, int limit) {
        Freeze cursor = startingAfter == null ? null : freezes.find(startingAfter)
                .orElseThrow(() -> new InvalidInputException("starting_after", "is not a freeze"));
        return freezes.list(which, clock.now(), cursor, limit);
    }

    // ---------------------------------------------------------------------------------- helpers

    static final AuditAction RISK_RULE_CREATED = new AuditAction("risk_rule.created");
    static final AuditAction RISK_RULE_CHANGED = new AuditAction("risk_rule.changed");
    static final AuditAction BLOCKLIST_ADDED = new AuditAction("risk_blocklist.added");
    static final AuditAction BLOCKLIST_REMOVED = new AuditAction("risk_blocklist.removed");
    static final AuditAction FREEZE_CREATED = new AuditAction("risk_freeze.created");
    static final AuditAction FREEZE_LIFTED = new AuditAction("risk_freeze.lifted");

    private Payment cardPayment(String paymentId) {
        if (paymentId == null) {
            throw new InvalidInputException("payment_id", "is required: the card is named by a payment made with it");
        }
        Payment payment = payments.byId(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
        if (payment.card() == null || payment.card().internalFingerprint() == null) {
            throw new InvalidStateException("Payment " + paymentId + " has no card on record");
        }
        return payment;
    }

    private void requireMerchant(String merchantId) {
        merchants.find(merchantId).orElseThrow(() -> new NotFoundException("merchant", merchantId));
    }

    private static void requireValue(String value, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw new InvalidInputException("subject.value", "is required (1 to " + maxLength + " characters)");
        }
    }

    private void complete(KeyedRequest keyed, StoredResponse answer, Instant now) {
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), answer, now);
        }
    }
}
