package io.tillpoint.application;

import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.acquiring.OperationResult;
import io.tillpoint.domain.model.event.DomainEvents;
import io.tillpoint.domain.model.idempotency.IdempotentOutcome;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.Ledger;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.payment.PaymentWrites;
import io.tillpoint.domain.model.payment.Refund;
import io.tillpoint.domain.model.recovery.FollowUp;
import io.tillpoint.domain.model.recovery.FollowUpKind;
import io.tillpoint.domain.model.recovery.FollowUps;
import io.tillpoint.domain.model.recovery.RecoveryPolicy;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.persistence.DuplicateKey;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import io.tillpoint.infrastructure.persistence.OptimisticLock;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The short transactions a payment goes through. Each method is one JTA transaction: find
 * the payment (or take it as the previous transaction left it), ask the aggregate, store the
 * state change and its ledger journal together ({@link PaymentWrites} for the acquirer's answer
 * to a card payment; its attempt, which posts nothing, is recorded in a transaction of its own
 * before this class sees it).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentTransactions {

    private static final Logger LOG = Logger.getLogger(PaymentTransactions.class.getName());

    @Inject
    PaymentRepository payments;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    PaymentWrites writes;

    @Inject
    FollowUps followUps;

    @Inject
    RecoveryPolicy policy;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    @Inject
    RiskReviewQueue reviews;

    @Inject
    DomainEvents events;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    /**
     * Records what the acquirer answered for {@code payment} (as the previous transaction left
     * it) and keeps the response for the key's replays in the same transaction, so that the
     * stored answer and the payment never disagree.
     */
    public IdempotentOutcome.Done<Payment> recordAuthorization(Payment payment, AuthorizationResult result,
            KeyedRequest keyed, Function<Payment, StoredResponse> response) {
        Instant now = clock.now();
        return recordOutcome(payment, authorization(payment, result, now), keyed, response, now);
    }

    /**
     * Records that risk control blocked {@code payment} (as the previous transaction left it)
     * before any acquirer heard of it: declined, {@code risk_blocked}, with the response for the
     * key's replays, as {@link #recordAuthorization} records an acquirer's decline.
     */
    public IdempotentOutcome.Done<Payment> recordRiskBlock(Payment payment, KeyedRequest keyed,
            Function<Payment, StoredResponse> response) {
        Instant now = clock.now();
        payment.blockForRisk(now);
        return recordOutcome(payment, null, keyed, response, now);
    }

    private IdempotentOutcome.Done<Payment> recordOutcome(Payment payment, Journal journal, KeyedRequest keyed,
            Function<Payment, StoredResponse> response, Instant now) {
        StoredResponse answer = response.apply(payment);
        // An unknown outcome keeps its key in progress (409 to a retry) until recovery knows it.
        boolean known = !payment.status().awaitsAuthorization();
        if (!store(payment, journal, known ? keyed : null, known ? answer : null, now)) {
            Payment recorded = recordedMeanwhile(payment);
            return new IdempotentOutcome.Done<>(recorded, response.apply(recorded));
        }
        return new IdempotentOutcome.Done<>(payment, answer);
    }

    /** Records what the acquirer answered for {@code payment}, as the previous transaction left it. */
    public Payment recordAuthorization(Payment payment, AuthorizationResult result) {
        Instant now = clock.now();
        return store(payment, authorization(payment, result, now), null, null, now) ? payment
                : recordedMeanwhile(payment);
    }

    /**
     * The payment as another transaction recorded it while this request waited: a late answer
     * or recovery got there first (the request waited long for its turn). That is the answer, not
     * a conflict: a 409 would make a client without a key pay again.
     */
    private Payment recordedMeanwhile(Payment payment) {
        Payment recorded = byId(payment.id());
        LOG.info(() -> "payment " + payment.id() + " was recorded meanwhile as " + recorded.status().apiName());
        return recorded;
    }

    /**
     * The payment's move on the acquirer's answer, and its journal (null when none): an approved
     * automatic-capture payment is captured at once, with one journal.
     */
    private static Journal authorization(Payment payment, AuthorizationResult result, Instant now) {
        if (result instanceof AuthorizationResult.Approved approved) {
            return payment.approved(approved.authorizationCode(), approved.acquirerReference(),
                    approved.issuerCountry(), now);
        }
        if (result instanceof AuthorizationResult.Declined declined) {
            payment.decline(declined.code(), declined.issuerCountry(), now);
        } else if (result instanceof AuthorizationResult.ChallengeRequired challenge) {
            payment.requireChallenge(challenge.acquirerReference(), challenge.issuerCountry(), now);
        } else {
            payment.outcomeUnknown(now);
        }
        return null;
    }

    /** False when nothing was written: the stored payment had moved on. A payment held for review opens its review. */
    private boolean store(Payment payment, Journal journal, KeyedRequest keyed, StoredResponse answer, Instant now) {
        switch (writes.recordOutcome(payment, journal, keyed, answer, PaymentEvents.moved(payment, now), now)) {
            case ALL -> {
                reviews.openIfHeld(payment, now);
                return true;
            }
            // Cannot happen while the purge keeps records for 24 h; if it does, the payment's
            // state still counts more than its replay: record it, and say so.
            case WITHOUT_RESPONSE -> {
                LOG.warning(() -> "idempotency record of payment " + payment.id()
                        + " was no longer in progress; its response is not stored for replays");
                reviews.openIfHeld(payment, now);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The cardholder answered a step-up challenge; the payment, whose acquirer reference completes
     * it. From here its outcome is owed again, so it gets an authorization follow-up.
     */
    public Payment submitChallenge(String merchantId, String paymentId) {
        Payment payment = loadForUpdate(merchantId, paymentId);
        Instant now = clock.now();
        payment.challengeSubmitted(now);
        followUps.add(FollowUp.authorization(payment.id(), null, now, policy.dueAfter(now)));
        flushed(payment);
        events.record(PaymentEvents.moved(payment, now));
        return payment;
    }

    /**
     * Records a capture as asked for: checked against the payment, nothing taken yet. One capture
     * or void per payment may be in flight; a second is a 409.
     */
    public PendingOperation beginCapture(String merchantId, String paymentId, Long amount, KeyedRequest keyed) {
        Payment payment = loadForUpdate(merchantId, paymentId);
        Money toCapture = payment.captureAmount(inCurrencyOf(payment, amount));
        return begin(payment, null, FollowUpKind.CAPTURE, toCapture, keyed);
    }

    /** Records a void as asked for; the hold is released when the acquirer acknowledges it. */
    public PendingOperation beginVoid(String merchantId, String paymentId, KeyedRequest keyed) {
        Payment payment = loadForUpdate(merchantId, paymentId);
        payment.checkVoidable();
        return begin(payment, null, FollowUpKind.VOID, null, keyed);
    }

    /** Records a refund as asked for: {@code pending}, its amount set aside until the acquirer answers. */
    public PendingOperation beginRefund(String merchantId, String paymentId, Long amount, String reason,
            KeyedRequest keyed) {
        Payment payment = loadForUpdate(merchantId, paymentId);
        Refund refund = payment.requestRefund(inCurrencyOf(payment, amount), reason, clock.now());
        payments.add(refund);
        PendingOperation pending = begin(payment, refund, FollowUpKind.REFUND, refund.amount(), keyed);
        events.record(PaymentEvents.refund(refund, refund.createdAt()));
        return pending;
    }

    /**
     * {@link #beginCapture} of everything capturable, in the caller's transaction: the caller's
     * change (an analyst's approval of a payment held for review) commits with the capture's intent.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public PendingOperation beginCaptureWithCaller(String merchantId, String paymentId, KeyedRequest keyed) {
        return beginCapture(merchantId, paymentId, null, keyed);
    }

    /** {@link #beginRefund} in the caller's transaction (a console user's refund, with its audit entry). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public PendingOperation beginRefundWithCaller(String merchantId, String paymentId, Long amount, String reason,
            KeyedRequest keyed) {
        return beginRefund(merchantId, paymentId, amount, reason, keyed);
    }

    /** {@link #beginCapture} in the caller's transaction (a console user's capture, with its audit entry). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public PendingOperation beginPartialCaptureWithCaller(String merchantId, String paymentId, Long amount,
            KeyedRequest keyed) {
        return beginCapture(merchantId, paymentId, amount, keyed);
    }

    /** {@link #beginVoid} in the caller's transaction (an analyst's rejection of a payment held for review). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public PendingOperation beginVoidWithCaller(String merchantId, String paymentId, KeyedRequest keyed) {
        return beginVoid(merchantId, paymentId, keyed);
    }

    private PendingOperation begin(Payment payment, Refund refund, FollowUpKind kind, Money amount, KeyedRequest keyed) {
        Instant now = clock.now();
        FollowUp followUp = FollowUp.operation(kind, payment.id(), refund == null ? null : refund.id(), amount,
                keyed == null ? null : keyed.recordId(), now, policy.dueAfter(now));
        followUps.add(followUp);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (DuplicateKey.causes(e)) {
                throw new ConflictException("operation_in_progress", "A capture or void of payment " + payment.id()
                        + " is already waiting for the acquirer's answer; retry later");
            }
            if (OptimisticLock.causes(e)) {
                throw concurrentUpdate(payment);
            }
            throw e;
        }
        return new PendingOperation(payment, refund, followUp.id(), followUp.request(payment.acquirerReference()));
    }

    /**
     * Records the acquirer's answer to the follow-up's operation: the capture, void or refund
     * with its journal (a refused refund leaves the payment's refunded amount unchanged), the end
     * of the follow-up, and the answer for the key that asked, all in this one transaction. No
     * answer ({@link OperationResult.Unknown}) leaves the follow-up for recovery, due at
     * {@code retryAt} (null: as it is). A follow-up that is gone was recorded already: the
     * payment as it stands is the answer.
     */
    public OperationRecorded recordOperation(String followUpId, String paymentId, String refundId,
            OperationResult result, Instant retryAt) {
        Instant now = clock.now();
        // The payment first, then its follow-up: the order every writer of both takes.
        Payment payment = payments.lockById(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
        FollowUp followUp = followUps.lock(followUpId).orElse(null);
        if (followUp == null) {
            Refund recorded = refundId == null ? null : payments.refundById(refundId).orElseThrow();
            return new OperationRecorded(payment, recorded,
                    recorded != null ? PaymentResponses.refunded(recorded) : PaymentResponses.changed(payment), true);
        }
        Refund refund = followUp.refundId() == null ? null : payments.refundById(followUp.refundId()).orElseThrow();
        if (result instanceof OperationResult.Unknown unknown) {
            if (retryAt != null) {
                followUp.askAgainAt(retryAt, unknown.reason());
            }
            // Captures and voids answer 202 until the acquirer's answer is known; a refund is pending.
            StoredResponse pending = followUp.kind() == FollowUpKind.REFUND ? PaymentResponses.refunded(refund)
                    : PaymentResponses.json(202, io.tillpoint.infrastructure.json.PaymentJson.of(payment), null);
            return new OperationRecorded(payment, refund, pending, false);
        }
        boolean acknowledged = result instanceof OperationResult.Acknowledged;
        switch (followUp.kind()) {
            case CAPTURE -> {
                if (acknowledged) {
                    ledger.append(payment.capture(followUp.amount(), now));
                    events.record(PaymentEvents.moved(payment, now));
                }
            }
            case VOID -> {
                if (acknowledged) {
                    ledger.append(payment.voidAuthorization(now));
                    events.record(PaymentEvents.moved(payment, now));
                }
            }
            case REFUND -> {
                if (acknowledged) {
                    ledger.append(payment.refundSucceeded(refund, now));
                    events.record(PaymentEvents.refund(refund, now));
                    events.record(PaymentEvents.refunded(payment, now));
                } else {
                    payment.refundFailed(refund, ((OperationResult.Refused) result).reason(), now);
                    events.record(PaymentEvents.refund(refund, now));
                }
            }
            case REVERSAL, AUTHORIZATION -> {
                if (!acknowledged) {
                    LOG.warning(() -> "the acquirer refused reversal " + followUp.id() + " of payment "
                            + followUp.paymentId() + " (" + ((OperationResult.Refused) result).reason()
                            + "); the issuer's hold expires by itself");
                }
            }
        }
        StoredResponse answer = refusal(followUp.kind(), result, payment, refund);
        completeKey(followUp, answer, now);
        followUps.remove(followUp);
        flushed(payment);
        return new OperationRecorded(payment, refund, answer, true);
    }

    /** What the merchant is told about an operation: the refund (any status), or the payment. */
    private static StoredResponse answerFor(FollowUpKind kind, Payment payment, Refund refund) {
        return kind == FollowUpKind.REFUND ? PaymentResponses.refunded(refund) : PaymentResponses.changed(payment);
    }

    /**
     * The answer once the acquirer has spoken. A refused refund is still a refund (201,
     * {@code failed}); a refused capture or void is a 409 {@code acquirer_refused}, stored as such.
     */
    private static StoredResponse refusal(FollowUpKind kind, OperationResult result, Payment payment, Refund refund) {
        if (result instanceof OperationResult.Refused refused
                && (kind == FollowUpKind.CAPTURE || kind == FollowUpKind.VOID)) {
            return PaymentResponses.problem(409, "acquirer_refused", "The acquirer refused the "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " of payment " + payment.id() + " ("
                    + refused.reason() + "); the payment is unchanged");
        }
        return answerFor(kind, payment, refund);
    }

    /** Completes the key that asked for this follow-up's outcome, in the transaction that records it. */
    private void completeKey(FollowUp followUp, StoredResponse answer, Instant now) {
        if (followUp.idempotencyRecordId() != null) {
            idempotencyRecords.completeNow(followUp.idempotencyRecordId(), answer, now);
        }
    }

    /** An amount the merchant gave in minor units, in the payment's own currency (null stays null). */
    private static Money inCurrencyOf(Payment payment, Long minorUnits) {
        return minorUnits == null ? null : Money.paymentAmount(minorUnits, payment.currency(), "amount");
    }

    private Payment byId(String paymentId) {
        return payments.byId(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    private Payment loadForUpdate(String merchantId, String paymentId) {
        return payments.findForUpdate(merchantId, paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    private Payment load(String merchantId, String paymentId) {
        return payments.find(merchantId, paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    /** Writes now, so that a concurrent change of the same payment is reported as a 409 and not a 500. */
    private Payment flushed(Payment payment) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (OptimisticLock.causes(e)) {
                throw concurrentUpdate(payment);
            }
            throw e;
        }
        return payment;
    }

    private static ConflictException concurrentUpdate(Payment payment) {
        return new ConflictException("concurrent_update",
                "Payment " + payment.id() + " was changed by another request at the same time; retry");
    }
}
