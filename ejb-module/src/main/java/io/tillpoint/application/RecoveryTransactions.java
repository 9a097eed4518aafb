package io.tillpoint.application;

import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.event.DomainEvents;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.Ledger;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.payment.PaymentStatus;
import io.tillpoint.domain.model.recovery.FollowUp;
import io.tillpoint.domain.model.recovery.FollowUps;
import io.tillpoint.domain.model.recovery.RecoveryPolicy;
import io.tillpoint.domain.model.recovery.RecoveryPolicy.Resolution;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The short transactions of recovery: claim, try again later, and record what it found out. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RecoveryTransactions {

    private static final Logger LOG = Logger.getLogger(RecoveryTransactions.class.getName());

    @Inject
    FollowUps followUps;

    @Inject
    PaymentRepository payments;

    @Inject
    Ledger ledger;

    @Inject
    RecoveryPolicy policy;

    @Inject
    Clock clock;

    @Inject
    RecoveryMetrics metrics;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    @Inject
    RiskReviewQueue reviews;

    @Inject
    DomainEvents events;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    /** Claims up to {@code limit} due follow-ups for this worker, for the policy's lease. */
    public List<FollowUp> claimDue(int limit) {
        Instant now = clock.now();
        return followUps.claimDue(now, now.plus(policy.lease()), limit);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean anyDue() {
        return followUps.anyDue(clock.now());
    }

    /**
     * No answer again ({@code outcome} says why): the follow-up is due after the policy's backoff;
     * past the configured number of tries each further one is counted as overdue and logged.
     */
    public void askAgainLater(String followUpId, String outcome) {
        Optional<FollowUp> open = followUps.lock(followUpId);
        if (open.isEmpty()) {
            return;
        }
        FollowUp followUp = open.get();
        Instant next = policy.nextTry(followUp.attempts(), clock.now());
        followUp.askAgainAt(next, outcome);
        boolean overdue = policy.overdue(followUp.attempts());
        metrics.retried(overdue);
        if (overdue) {
            LOG.warning(() -> followUp.kind() + " follow-up " + followUp.id() + " of payment " + followUp.paymentId()
                    + " is still without an answer after " + followUp.attempts() + " tries (" + outcome
                    + "); next try at " + next);
        }
    }

    /**
     * Records what recovery found out about an authorization: the payment approved (authorized,
     * or captured when it asked for automatic capture, with its journal) or declined, the key's
     * stored answer becomes the payment as resolved, and the follow-up ends. For no record
     * ({@link Resolution.ReverseThenDecline}) the reversal is on record with the decline, before it
     * is sent: its follow-up, whose id this returns (null otherwise). A payment whose answer was
     * recorded meanwhile (by its own request, or a late answer) is left alone.
     */
    public String resolveAuthorization(String paymentId, Resolution resolution) {
        // The payment first, then its follow-up (whose id is the payment's): the order every writer takes.
        Optional<Payment> locked = payments.lockById(paymentId);
        Optional<FollowUp> open = followUps.lock(paymentId);
        if (locked.isEmpty() || open.isEmpty()) {
            return null;
        }
        FollowUp followUp = open.get();
        Payment payment = locked.get();
        Instant now = clock.now();
        if (payment.status().awaitsAuthorization()) {
            Journal journal = apply(payment, resolution, now);
            if (journal != null) {
                ledger.append(journal);
            }
            reviews.openIfHeld(payment, now);
            events.record(PaymentEvents.moved(payment, now));
            if (followUp.idempotencyRecordId() != null) {
                idempotencyRecords.completeNow(followUp.idempotencyRecordId(), PaymentResponses.created(payment), now);
            }
        }
        FollowUp reversal = null;
        if (resolution instanceof Resolution.ReverseThenDecline && payment.status() == PaymentStatus.DECLINED) {
            reversal = FollowUp.reversal(payment.id(), null, now, policy.nextTry(1, now));
            followUps.add(reversal);
        }
        followUps.remove(followUp);
        em.flush();
        metrics.resolved(followUp.kind().name().toLowerCase(java.util.Locale.ROOT));
        LOG.info(() -> "recovered payment " + payment.id() + ": " + payment.status().apiName());
        return reversal == null ? null : reversal.id();
    }

    /**
     * An answer that arrived after its request stopped waiting: recorded as recovery would record
     * it, unless the payment's outcome is known by now. An approval of a payment that was meanwhile
     * declined (recovery found no record) is reversed: the acquirer holds money we do not.
     */
    public void recordLateAnswer(String paymentId, AuthorizationResult late) {
        Resolution resolution;
        if (late instanceof AuthorizationResult.Approved a) {
            resolution = new Resolution.Approve(a.authorizationCode(), a.acquirerReference(), a.issuerCountry());
        } else if (late instanceof AuthorizationResult.Declined d) {
            resolution = new Resolution.Decline(d.code(), d.issuerCountry());
        } else {
            return;   // a late challenge or nothing: the inquiry will tell
        }
        Optional<Payment> payment = payments.lockById(paymentId);
        if (payment.isEmpty()) {
            return;
        }
        if (payment.get().status().awaitsAuthorization()) {
            resolveAuthorization(paymentId, resolution);
            LOG.info(() -> "recorded the late answer for payment " + paymentId);
        } else if (resolution instanceof Resolution.Approve approve && payment.get().status() == PaymentStatus.DECLINED) {
            Instant now = clock.now();
            followUps.add(FollowUp.reversal(paymentId, approve.acquirerReference(), now, now));
            LOG.warning(() -> "late approval for declined payment " + paymentId + ": a reversal is owed");
        }
    }

    private static Journal apply(Payment payment, Resolution resolution, Instant now) {
        if (resolution instanceof Resolution.Approve approve) {
            return payment.approved(approve.authorizationCode(), approve.acquirerReference(), approve.issuerCountry(),
                    now);
        }
        if (resolution instanceof Resolution.Decline decline) {
            payment.decline(decline.code(), decline.issuerCountry(), now);
        } else if (resolution instanceof Resolution.ReverseThenDecline reverse) {
            payment.decline(reverse.code(), null, now);
        } else {
            throw new IllegalArgumentException("not a resolution: " + resolution);
        }
        return null;
    }
}
