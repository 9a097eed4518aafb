package io.tillpoint.infrastructure.connector.sandbox;

import io.tillpoint.domain.model.acquiring.AcquirerConnector;
import io.tillpoint.domain.model.acquiring.AuthorizationRequest;
import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.acquiring.InquiryResult;
import io.tillpoint.domain.model.acquiring.OperationKind;
import io.tillpoint.domain.model.acquiring.OperationRequest;
import io.tillpoint.domain.model.acquiring.OperationResult;
import io.tillpoint.domain.model.payment.DeclineCode;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.infrastructure.connector.ConnectorScheduler;
import io.tillpoint.infrastructure.connector.sandbox.SandboxJournal.SandboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tillpoint.domain.model.card.CardNumber;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers authorizations by the contract's sandbox test cards:
 * <ul>
 * <li>4000000000000002 card_declined, ...9995 insufficient_funds, ...0069 expired_card,
 * ...0127 incorrect_cvc;</li>
 * <li>4000000000000119: the primary acquirer does not answer; until failover exists the
 * sandbox answers "issuer or switch inoperative" (ISO 8583 response 91), a definite
 * decline with {@code processing_error};</li>
 * <li>4000000000003220: approved after a step-up challenge answered with 123456; so is every card the
 * issuer would approve when the gateway's risk control asks for a step-up;</li>
 * <li>4000000000000101: issued in BR; every other card is issued in US;</li>
 * <li>4000000000001018: approved, but the answer never reaches the gateway (an inquiry finds
 * the approval);</li>
 * <li>4000000000001026: the request never reaches the sandbox (an inquiry finds no record);</li>
 * <li>4000000000005126: approved, and every refund of the payment is refused
 * ({@code refund_declined});</li>
 * <li>4000000000001034: approved, but the first answer to each capture, void or refund of the
 * payment never reaches the gateway (the operation is done and on record: the resend that
 * recovery makes gets the recorded answer);</li>
 * <li>any other valid number: approved.</li>
 * </ul>
 * Every decision goes into its {@link SandboxJournal}, from which it answers inquiries.
 * Captures, voids, refunds and reversals are acknowledged (refunds as above); a resend of an
 * operation it has on record gets the recorded answer, so each is done at most once.
 * <p>
 * It answers at once unless {@code tillpoint.sandbox.latency-ms} (environment
 * {@code TILLPOINT_SANDBOX_LATENCY_MS}) asks it to take that long per call, as a real
 * acquirer and issuer do over the network; no thread waits meanwhile. A latency beyond
 * {@code tillpoint.acquirer.timeout-ms} makes every payment's outcome UNKNOWN at first.
 */
@ApplicationScoped
public class SandboxAcquirer implements AcquirerConnector {

    static final String CHALLENGE_CODE = "123456";
    static final String CHALLENGE_CARD = "4000000000003220";
    static final String ISSUED_IN_BRAZIL = "4000000000000101";
    static final String ANSWER_LOST = "4000000000001018";
    static final String REQUEST_LOST = "4000000000001026";
    static final String REFUNDS_REFUSED = "4000000000005126";
    static final String OPERATION_ANSWERS_LOST = "4000000000001034";

    static final String APPROVED = "APPROVED";
    static final String DECLINED = "DECLINED";
    static final String CHALLENGED = "CHALLENGED";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    static final String REFUSED = "REFUSED";

    private static final Map<String, DeclineCode> DECLINES = Map.of(
            "4000000000000002", DeclineCode.CARD_DECLINED,
            "4000000000009995", DeclineCode.INSUFFICIENT_FUNDS,
            "4000000000000069", DeclineCode.EXPIRED_CARD,
            "4000000000000127", DeclineCode.INCORRECT_CVC,
            "4000000000000119", DeclineCode.PROCESSING_ERROR);

    @Inject
    @ConfigProperty(name = "tillpoint.sandbox.latency-ms", defaultValue = "0")
    long latencyMs;

    @Inject
    ConnectorScheduler scheduler;

    @Inject
    SandboxJournal journal;

    @Override
    public CompletionStage<AuthorizationResult> authorize(AuthorizationRequest request) {
        String pan = request.card().number().reveal();
        if (REQUEST_LOST.equals(pan)) {
            return scheduler.never();
        }
        AuthorizationResult answer = answerFor(pan, request.stepUp());
        journal.keep(record(request.paymentId(), "AUTHORIZATION", request.paymentId(), answer,
                REFUNDS_REFUSED.equals(pan), OPERATION_ANSWERS_LOST.equals(pan), request.amount().minorUnits(),
                request.amount().currency().code()));
        return ANSWER_LOST.equals(pan) ? scheduler.never() : scheduler.after(latencyMs, answer);
    }

    /** The contract's test cards and the sandbox's own: every merchant's integration tests use them. */
    @Override
    public List<CardNumber> publicTestCards() {
        return TEST_CARDS;
    }

    private static final List<CardNumber> TEST_CARDS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("4242424242424242", "5555555555554444", "378282246310005", CHALLENGE_CARD,
                    ISSUED_IN_BRAZIL, ANSWER_LOST, REQUEST_LOST, REFUNDS_REFUSED, OPERATION_ANSWERS_LOST),
            DECLINES.keySet().stream()).sorted().map(CardNumber::parse).toList();

    @Override
    public CompletionStage<AuthorizationResult> completeChallenge(String paymentId, String acquirerReference,
            String code) {
        AuthorizationResult answer = challengeAnswered(acquirerReference, code);
        Optional<SandboxRecord> challenged = journal.authorizationOf(paymentId);
        journal.keep(record(paymentId, "AUTHORIZATION", paymentId, answer,
                challenged.map(SandboxRecord::refusesRefunds).orElse(false),
                challenged.map(SandboxRecord::losesOperationAnswers).orElse(false),
                challenged.map(SandboxRecord::amount).orElse(null), challenged.map(SandboxRecord::currency).orElse(null)));
        return scheduler.after(latencyMs, answer);
    }

    @Override
    public CompletionStage<InquiryResult> inquire(String paymentId) {
        return scheduler.after(latencyMs, journal.authorizationOf(paymentId)
                .map(SandboxAcquirer::inquiryAnswer)
                .orElseGet(InquiryResult.NoRecord::new));
    }

    private static InquiryResult inquiryAnswer(SandboxRecord r) {
        return switch (r.outcome()) {
            case APPROVED -> new InquiryResult.Approved(r.authorizationCode(), r.acquirerReference(), r.issuerCountry());
            case DECLINED -> new InquiryResult.Declined(DeclineCode.valueOf(r.declineCode()), r.issuerCountry());
            // A challenge whose answer never arrived: there is no authorization to find.
            default -> new InquiryResult.NoRecord();
        };
    }

    @Override
    public CompletionStage<OperationResult> send(OperationRequest request) {
        Optional<SandboxRecord> earlier = journal.find(request.operationId());
        if (earlier.isPresent()) {
            return scheduler.after(latencyMs, operationAnswer(earlier.get()));
        }
        Optional<SandboxRecord> authorization = journal.authorizationOf(request.paymentId());
        boolean refused = request.kind() == OperationKind.REFUND
                && authorization.map(SandboxRecord::refusesRefunds).orElse(false);
        SandboxRecord decided = new SandboxRecord(request.operationId(), request.kind().name(), request.paymentId(),
                refused ? REFUSED : ACKNOWLEDGED, refused ? "refund_declined" : null, null, request.acquirerReference(),
                null, false, false, request.amount() == null ? null : request.amount().minorUnits(),
                request.amount() == null ? null : request.amount().currency().code(), Instant.now());
        SandboxRecord kept = journal.keepFirst(decided);
        // Done and on record, but this first answer is lost on its way back.
        boolean answerLost = kept == decided && request.kind() != OperationKind.REVERSAL
                && authorization.map(SandboxRecord::losesOperationAnswers).orElse(false);
        return answerLost ? scheduler.never() : scheduler.after(latencyMs, operationAnswer(kept));
    }

    private static OperationResult operationAnswer(SandboxRecord r) {
        return REFUSED.equals(r.outcome()) ? new OperationResult.Refused(r.declineCode())
                : new OperationResult.Acknowledged();
    }

    private static SandboxRecord record(String operationId, String kind, String paymentId, AuthorizationResult answer,
            boolean refusesRefunds, boolean losesOperationAnswers, Long amount, String currency) {
        String outcome;
        String declineCode = null;
        String authorizationCode = null;
        String reference = null;
        if (answer instanceof AuthorizationResult.Approved approved) {
            outcome = APPROVED;
            authorizationCode = approved.authorizationCode();
            reference = approved.acquirerReference();
        } else if (answer instanceof AuthorizationResult.Declined declined) {
            outcome = DECLINED;
            declineCode = declined.code().name();
        } else {
            outcome = CHALLENGED;
            reference = answer instanceof AuthorizationResult.ChallengeRequired c ? c.acquirerReference() : null;
        }
        return new SandboxRecord(operationId, kind, paymentId, outcome, declineCode, authorizationCode, reference,
                answer.issuerCountry(), refusesRefunds, losesOperationAnswers, amount, currency, Instant.now());
    }

    /** A step-up asked for by the gateway's risk control challenges every card the issuer would not decline. */
    private AuthorizationResult answerFor(String pan, boolean stepUp) {
        String country = ISSUED_IN_BRAZIL.equals(pan) ? "BR" : "US";
        DeclineCode decline = DECLINES.get(pan);
        if (decline != null) {
            return new AuthorizationResult.Declined(decline, country);
        }
        if (stepUp || CHALLENGE_CARD.equals(pan)) {
            return new AuthorizationResult.ChallengeRequired("sbx_3ds_" + Ids.randomToken(16), country);
        }
        return approved(country);
    }

    private AuthorizationResult challengeAnswered(String acquirerReference, String code) {
        if (acquirerReference == null || !acquirerReference.startsWith("sbx_3ds_")) {
            return new AuthorizationResult.Declined(DeclineCode.PROCESSING_ERROR, null);
        }
        if (!CHALLENGE_CODE.equals(code)) {
            return new AuthorizationResult.Declined(DeclineCode.CARD_DECLINED, null);
        }
        return approved(null);
    }

    private AuthorizationResult approved(String country) {
        return new AuthorizationResult.Approved(authorizationCode(), "sbx_" + Ids.randomToken(20), country);
    }

    /**
     * Six digits, as an issuer's approval code. Nothing depends on guessing it, so a plain random
     * number will do (String.format and SecureRandom were 1 % of a payment's CPU).
     */
    static String authorizationCode() {
        String digits = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        return "000000".substring(digits.length()) + digits;
    }
}
