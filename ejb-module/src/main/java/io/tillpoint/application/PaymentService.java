package io.tillpoint.application;

import io.tillpoint.domain.model.acquiring.AcquirerConnector;
import io.tillpoint.domain.model.acquiring.AuthorizationRequest;
import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.acquiring.OperationRequest;
import io.tillpoint.domain.model.acquiring.OperationResult;
import io.tillpoint.domain.model.card.CardFingerprints;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.PanMasking;
import io.tillpoint.domain.model.idempotency.IdempotentOutcome;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.payment.CardSnapshot;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.payment.PaymentRepository.PaymentQuery;
import io.tillpoint.domain.model.payment.PaymentWrites;
import io.tillpoint.domain.model.payment.Refund;
import io.tillpoint.domain.model.recovery.RecoveryPolicy;
import io.tillpoint.domain.model.risk.Screening;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payment use cases. Everything that needs the acquirer (an authorization, a capture, void or
 * refund) is recorded first as asked for, with the follow-up that recovery works from (one
 * transaction); the acquirer is asked with no transaction open and its answer awaited with a
 * time limit on the request's own thread; and the answer is recorded with its journal and the
 * key's stored answer (a second transaction). No answer in time is UNKNOWN, never a guess:
 * recovery finds out, and an answer that comes late is recorded when it comes.
 */
@Stateless
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class.getName());

    @EJB
    PaymentTransactions transactions;

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentWrites writes;

    @Inject
    Clock clock;

    @EJB
    IdempotencyService idempotency;

    @Inject
    AcquirerConnector acquirer;

    @Inject
    CardFingerprints fingerprints;

    @Inject
    RiskControl risk;

    @Inject
    WorkAdmission admission;

    @Inject
    @ConfigProperty(name = "tillpoint.acquirer.timeout-ms", defaultValue = "5000")
    long acquirerTimeoutMs;

    @Inject
    RecoveryPolicy recovery;

    @EJB
    RecoveryTransactions recoveryTransactions;

    /** Where late answers are recorded: off the connector's timer threads, with the application's context. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor lateAnswers;

    /**
     * Takes a card payment. Risk control screens it from memory first ({@link RiskControl}); the
     * customer's earlier countries, when the new-country rule wants them, come back with the
     * attempt's statement. A payment risk control blocks is declined ({@code risk_blocked}) and
     * reaches no acquirer; one it steps up asks the acquirer for a challenge; one it holds for
     * review is authorized and then held ({@code in_review}). Two transactions, with the acquirer
     * call between them: the first records the attempt and claims the idempotency key ({@code keyed}, null without one), in a
     * transaction of its own ({@link PaymentWrites#recordAttempt}), the second records the answer
     * and stores {@code response} for the key's replays. A request whose key is taken gets the
     * earlier response (or 409/422) and reaches no acquirer.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentOutcome<Payment> createCardPayment(CreateCardPayment command, KeyedRequest keyed,
            Function<Payment, StoredResponse> response) {
        Instant now = clock.now();
        InternalCardFingerprint internal = fingerprints.internal(command.card().number());
        String issuingCountry = risk.issuingCountry(command.card().number());
        CardSnapshot card = CardSnapshot.of(command.card(), internal,
                fingerprints.forMerchant(command.merchantId(), internal), issuingCountry);
        Screening screening = risk.screen(command.merchantId(), command.amount(), internal, card.bin(), issuingCountry,
                command.details().customer(), now);
        Payment payment = Payment.startCardPayment(command.merchantId(), command.amount(), command.captureMode(),
                command.details(), card, screening.assessment(), now);
        PaymentWrites.Attempt attempt = writes.recordAttempt(payment, keyed, now, recovery.dueAfter(now),
                screening.countryHistoryWanted());
        if (!attempt.recorded()) {
            return new IdempotentOutcome.Replayed<>(idempotency.replayFor(keyed));
        }
        if (screening.countryHistoryWanted()) {
            payment.reassess(screening.withKnownCountries(attempt.customerCountries()));
        }
        if (payment.risk().blocks()) {
            return transactions.recordRiskBlock(payment, keyed, response);
        }
        AuthorizationRequest request = new AuthorizationRequest(payment.id(), command.merchantId(), command.amount(),
                command.card(), payment.risk().stepsUp());
        AuthorizationResult result = askAcquirer(payment.id(), () -> acquirer.authorize(request));
        return transactions.recordAuthorization(payment, result, keyed, response);
    }

    /** Completes a step-up challenge with the cardholder's code. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Payment confirm(String merchantId, String paymentId, String code) {
        Payment payment = transactions.submitChallenge(merchantId, paymentId);
        AuthorizationResult result = askAcquirer(paymentId,
                () -> acquirer.completeChallenge(paymentId, payment.acquirerReference(), code));
        return transactions.recordAuthorization(payment, result);
    }

    /**
     * Captures {@code amount} minor units of the payment's currency, or everything capturable
     * when null, once the acquirer acknowledges it. {@code keyed} (the request's claimed key, or
     * null) is completed with the answer in the transaction that records it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OperationRecorded capture(String merchantId, String paymentId, Long amount, KeyedRequest keyed) {
        return complete(transactions.beginCapture(merchantId, paymentId, amount, keyed));
    }

    /** Voids the authorization once the acquirer acknowledges it: the hold is released in our books then. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OperationRecorded voidPayment(String merchantId, String paymentId, KeyedRequest keyed) {
        return complete(transactions.beginVoid(merchantId, paymentId, keyed));
    }

    /**
     * Refunds {@code amount} minor units of the payment's currency, or everything not yet
     * refunded when null: the refund is {@code pending} until the acquirer answers, then
     * {@code succeeded} (with its journal) or {@code failed} (nothing refunded).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OperationRecorded refund(String merchantId, String paymentId, Long amount, String reason,
            KeyedRequest keyed) {
        return complete(transactions.beginRefund(merchantId, paymentId, amount, reason, keyed));
    }

    /**
     * Sends an operation that a transaction recorded as asked for (with its follow-up) and records
     * the acquirer's answer: what capture, void and refund do after their first transaction, also
     * for an analyst's decision on a payment held for review.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OperationRecorded complete(PendingOperation pending) {
        OperationRequest request = pending.request();
        CompletionStage<OperationResult> sent;
        try {
            sent = acquirer.send(request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletionStage<OperationResult> answer = sent;
        // As for an authorization: an answer that is there at once keeps the request's turn.
        Supplier<OperationResult> wait = () -> AcquirerAnswers.await(request.kind() + " " + request.operationId(),
                () -> answer, acquirerTimeoutMs).orElseGet(() -> new OperationResult.Unknown("no answer in time"));
        OperationResult result = answer.toCompletableFuture().isDone() ? wait.get() : admission.stepAside(wait);
        return transactions.recordOperation(pending.followUpId(), pending.payment().id(),
                pending.refund() == null ? null : pending.refund().id(), result, null);
    }

    public Payment get(String merchantId, String paymentId) {
        return payments.find(merchantId, paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    public List<Payment> list(String merchantId, PaymentQuery query) {
        return payments.list(merchantId, query);
    }

    public List<Refund> refunds(String merchantId, String paymentId) {
        get(merchantId, paymentId);
        return payments.refundsOf(merchantId, paymentId);
    }

    /**
     * The acquirer's answer to {@code ask} within the time limit. An answer that is there at once
     * (an in-process connector) is taken on the spot; otherwise the request gives its turn back
     * while it waits (see {@link WorkAdmission}). No answer in time, or a failed call, is UNKNOWN.
     */
    AuthorizationResult askAcquirer(String paymentId, Supplier<CompletionStage<AuthorizationResult>> ask) {
        CompletableFuture<AuthorizationResult> answer;
        try {
            answer = ask.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return failed(paymentId, e);
        }
        if (answer.isDone()) {
            return awaitAnswer(paymentId, answer);
        }
        return admission.stepAside(() -> awaitAnswer(paymentId, answer));
    }

    private AuthorizationResult awaitAnswer(String paymentId, CompletableFuture<AuthorizationResult> answer) {
        try {
            AuthorizationResult result = answer.get(acquirerTimeoutMs, TimeUnit.MILLISECONDS);
            return result != null ? result : failed(paymentId, new IllegalStateException("no result"));
        } catch (TimeoutException e) {
            LOG.warning(() -> "acquirer gave no answer for " + paymentId + " within " + acquirerTimeoutMs + " ms: UNKNOWN");
            recordWhenItComes(paymentId, answer);
            return new AuthorizationResult.Unknown("timeout");
        } catch (ExecutionException e) {
            return failed(paymentId, e.getCause());
        } catch (CancellationException e) {
            return failed(paymentId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AuthorizationResult.Unknown("interrupted");
        }
    }

    /** An answer that arrives after the request stopped waiting is recorded, not thrown away. */
    private void recordWhenItComes(String paymentId, CompletableFuture<AuthorizationResult> answer) {
        answer.thenAcceptAsync(late -> {
            if (late != null) {
                recoveryTransactions.recordLateAnswer(paymentId, late);
            }
        }, lateAnswers).exceptionally(failure -> {
            LOG.warning(() -> "the late answer for " + paymentId + " could not be recorded now ("
                    + failure.getClass().getSimpleName() + "); recovery will inquire");
            return null;
        });
    }

    private static AuthorizationResult failed(String paymentId, Throwable cause) {
        LOG.warning(() -> "acquirer call for " + paymentId + " failed (" + cause.getClass().getSimpleName() + ": "
                + PanMasking.scrub(cause.getMessage()) + "): UNKNOWN");
        return new AuthorizationResult.Unknown("connector error");
    }
}
