package io.tillpoint.application;

import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.idempotency.IdempotentOutcome;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.Ledger;
import io.tillpoint.domain.model.payment.CaptureMode;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.payment.PaymentWrites;
import io.tillpoint.domain.model.payment.RefundOutcome;
import io.tillpoint.domain.model.payment.Refund;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.domain.shared.NotFoundException;
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
        Journal journal = authorization(payment, result, now);
        StoredResponse answer = response.apply(payment);
        store(payment, journal, keyed, answer, now);
        return new IdempotentOutcome.Done<>(payment, answer);
    }

    /** Records what the acquirer answered for {@code payment}, as the previous transaction left it. */
    public Payment recordAuthorization(Payment payment, AuthorizationResult result) {
        Instant now = clock.now();
        store(payment, authorization(payment, result, now), null, null, now);
        return payment;
    }

    /**
     * The payment's move on the acquirer's answer, and its journal (null when none): an approved
     * automatic-capture payment is captured at once, with one journal.
     */
    private static Journal authorization(Payment payment, AuthorizationResult result, Instant now) {
        if (result instanceof AuthorizationResult.Approved approved) {
            return payment.captureMode() == CaptureMode.AUTOMATIC
                    ? payment.approveAndCapture(approved.authorizationCode(), approved.acquirerReference(),
                            approved.issuerCountry(), now)
                    : payment.approve(approved.authorizationCode(), approved.acquirerReference(),
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

    private void store(Payment payment, Journal journal, KeyedRequest keyed, StoredResponse answer, Instant now) {
        switch (writes.recordOutcome(payment, journal, keyed, answer, now)) {
            case ALL -> { }
            // Cannot happen while the purge keeps records for 24 h; if it does, the payment's
            // state still counts more than its replay: record it, and say so.
            case WITHOUT_RESPONSE -> LOG.warning(() -> "idempotency record of payment " + payment.id()
                    + " was no longer in progress; its response is not stored for replays");
            case NOTHING_PAYMENT_CHANGED -> throw concurrentUpdate(payment);
        }
    }

    /** The cardholder answered a step-up challenge; the payment, whose acquirer reference completes it. */
    public Payment submitChallenge(String merchantId, String paymentId) {
        Payment payment = load(merchantId, paymentId);
        payment.challengeSubmitted(clock.now());
        return flushed(payment);
    }

    public Payment capture(String merchantId, String paymentId, Long amount) {
        Payment payment = load(merchantId, paymentId);
        ledger.append(payment.capture(inCurrencyOf(payment, amount), clock.now()));
        return flushed(payment);
    }

    public Payment voidAuthorization(String merchantId, String paymentId) {
        Payment payment = load(merchantId, paymentId);
        ledger.append(payment.voidAuthorization(clock.now()));
        return flushed(payment);
    }

    public Refund refund(String merchantId, String paymentId, Long amount, String reason) {
        Payment payment = load(merchantId, paymentId);
        RefundOutcome outcome = payment.refund(inCurrencyOf(payment, amount), reason, clock.now());
        payments.add(outcome.refund());
        ledger.append(outcome.journal());
        flushed(payment);
        return outcome.refund();
    }

    /** An amount the merchant gave in minor units, in the payment's own currency (null stays null). */
    private static Money inCurrencyOf(Payment payment, Long minorUnits) {
        return minorUnits == null ? null : Money.paymentAmount(minorUnits, payment.currency(), "amount");
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
