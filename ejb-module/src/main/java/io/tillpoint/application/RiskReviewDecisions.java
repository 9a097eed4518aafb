package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.event.DomainEvents;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.payment.CaptureMode;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.payment.PaymentStatus;
import io.tillpoint.domain.model.risk.Review;
import io.tillpoint.domain.model.risk.Reviews;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * An analyst's decision on a payment held for review, each one transaction: the decision on the
 * review, its audit entry (who, when, what, why), its event ({@code risk.review_approved} or
 * {@code _rejected}), the payment's move (with its {@code payment.authorized}) and, where the
 * acquirer must act, the operation's intent with its follow-up, all or nothing. The acquirer is asked afterwards,
 * with no transaction open ({@link RiskReviewService}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RiskReviewDecisions {

    static final AuditAction APPROVED = new AuditAction("risk_review.approved");
    static final AuditAction REJECTED = new AuditAction("risk_review.rejected");

    @Inject
    PaymentRepository payments;

    @Inject
    Reviews reviews;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @EJB
    PaymentTransactions transactions;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    @Inject
    DomainEvents events;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    /** What was decided, and the operation the acquirer must now do (null when none). */
    public record Decided(Payment payment, PendingOperation pending) {
    }

    /**
     * Approves: the payment is authorized; one that asked for automatic capture is captured, its
     * capture on record here and sent afterwards. A manual-capture payment waits for its merchant.
     */
    public Decided approve(String paymentId, Reason reason, AuditContext context, KeyedRequest keyed) {
        Instant now = clock.now();
        Payment payment = heldForReview(paymentId, "approve");
        AuditSnapshot before = RiskStates.of(payment, null, null);
        payment.approveReview(now);
        decide(payment, "approved", reason, context, now);
        audit.append(AuditEntry.of(context, APPROVED, new AuditTarget("payment", paymentId), before,
                RiskStates.of(payment, "approved", reason.text()), now));
        events.record(RiskEventsRecorded.reviewDecided(payment, true, reason.text(), context.actor().id(), now));
        events.record(PaymentEvents.moved(payment, now));
        // Written now: the capture's intent below reads the payment as authorized.
        em.flush();
        if (payment.captureMode() == CaptureMode.AUTOMATIC) {
            return new Decided(payment, transactions.beginCaptureWithCaller(payment.merchantId(), paymentId, keyed));
        }
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), PaymentResponses.changed(payment), now);
        }
        return new Decided(payment, null);
    }

    /** Rejects: the authorization is voided at the acquirer, its void on record here and sent afterwards. */
    public Decided reject(String paymentId, Reason reason, AuditContext context, KeyedRequest keyed) {
        Instant now = clock.now();
        Payment payment = heldForReview(paymentId, "reject");
        AuditSnapshot before = RiskStates.of(payment, null, null);
        decide(payment, "rejected", reason, context, now);
        audit.append(AuditEntry.of(context, REJECTED, new AuditTarget("payment", paymentId), before,
                RiskStates.of(payment, "rejected", reason.text()), now));
        events.record(RiskEventsRecorded.reviewDecided(payment, false, reason.text(), context.actor().id(), now));
        return new Decided(payment, transactions.beginVoidWithCaller(payment.merchantId(), paymentId, keyed));
    }

    private Payment heldForReview(String paymentId, String verb) {
        Payment payment = payments.lockById(paymentId).orElseThrow(() -> new NotFoundException("review", paymentId));
        Review review = reviews.find(paymentId).orElseThrow(() -> new NotFoundException("review", paymentId));
        if (!review.open()) {
            throw new InvalidStateException("The review of payment " + paymentId + " was decided already ("
                    + review.decision() + ")");
        }
        if (payment.status() != PaymentStatus.IN_REVIEW) {
            throw new InvalidStateException("Cannot " + verb + " the review of a payment whose status is "
                    + payment.status().apiName());
        }
        return payment;
    }

    private void decide(Payment payment, String decision, Reason reason, AuditContext context, Instant now) {
        if (!reviews.decide(payment.id(), decision, now, context.actor().id(), reason.text())) {
            throw new InvalidStateException("The review of payment " + payment.id() + " was decided meanwhile");
        }
    }
}
