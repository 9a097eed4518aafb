package io.tillpoint.application;

import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.idempotency.IdempotencyRecord;
import io.tillpoint.domain.model.idempotency.IdempotentOutcome;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.ledger.Ledger;
import io.tillpoint.domain.model.payment.CaptureMode;
import io.tillpoint.domain.model.payment.CardSnapshot;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.payment.RefundOutcome;
import io.tillpoint.domain.model.payment.Refund;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.persistence.DuplicateKey;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The short transactions a payment goes through. Each method is one JTA transaction:
 * find, ask the aggregate, store the state change and its ledger journal together.
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
    JpaIdempotencyStore idempotency;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * Records the attempt before the acquirer hears of it (status PROCESSING) and claims the
     * request's idempotency key ({@code keyed}, null when the request has none) in the same
     * transaction. Empty when another request holds the key: then nothing is recorded.
     */
    public Optional<Payment> recordAttempt(CreateCardPayment command, String fingerprint, KeyedRequest keyed) {
        Payment payment = Payment.startCardPayment(command.merchantId(), command.amount(), command.captureMode(),
                command.details(), CardSnapshot.of(command.card(), fingerprint), clock.now());
        if (keyed != null) {
            idempotency.insert(IdempotencyRecord.begin(keyed, clock.now()));
        }
        payments.add(payment);
        try {
            em.flush();
        } catch (PersistenceException e) {
            context.setRollbackOnly();
            if (keyed != null && DuplicateKey.causes(e)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(payment);
    }

    /**
     * Records what the acquirer answered and keeps the response for the key's replays in the
     * same transaction, so that the stored answer and the payment never disagree.
     */
    public IdempotentOutcome.Done<Payment> recordAuthorization(String merchantId, String paymentId,
            AuthorizationResult result, KeyedRequest keyed, Function<Payment, StoredResponse> response) {
        Payment payment = recordAuthorization(merchantId, paymentId, result);
        StoredResponse answer = response.apply(payment);
        if (keyed != null && !idempotency.completeNow(keyed.recordId(), answer, clock.now())) {
            // Cannot happen while the purge keeps records for 24 h; if it does, the payment's
            // state still counts more than its replay: record it, and say so.
            LOG.warning(() -> "idempotency record of payment " + paymentId
                    + " was no longer in progress; its response is not stored for replays");
        }
        return new IdempotentOutcome.Done<>(payment, answer);
    }

    /** Records what the acquirer answered; an approved automatic-capture payment is captured at once (one journal). */
    public Payment recordAuthorization(String merchantId, String paymentId, AuthorizationResult result) {
        Payment payment = load(merchantId, paymentId);
        if (result instanceof AuthorizationResult.Approved approved) {
            ledger.append(payment.captureMode() == CaptureMode.AUTOMATIC
                    ? payment.approveAndCapture(approved.authorizationCode(), approved.acquirerReference(),
                            approved.issuerCountry(), clock.now())
                    : payment.approve(approved.authorizationCode(), approved.acquirerReference(),
                            approved.issuerCountry(), clock.now()));
        } else if (result instanceof AuthorizationResult.Declined declined) {
            payment.decline(declined.code(), declined.issuerCountry(), clock.now());
        } else if (result instanceof AuthorizationResult.ChallengeRequired challenge) {
            payment.requireChallenge(challenge.acquirerReference(), challenge.issuerCountry(), clock.now());
        } else {
            payment.outcomeUnknown(clock.now());
        }
        return flushed(payment);
    }

    /** The cardholder answered a step-up challenge; returns the acquirer reference to complete it with. */
    public String submitChallenge(String merchantId, String paymentId) {
        Payment payment = load(merchantId, paymentId);
        payment.challengeSubmitted(clock.now());
        flushed(payment);
        return payment.acquirerReference();
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
        } catch (OptimisticLockException e) {
            throw concurrentUpdate(payment);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException
                    || e.getClass().getName().contains("OptimisticLock")) {
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
