package io.tillpoint.infrastructure.connector.sandbox;

import io.tillpoint.domain.model.acquiring.AcquirerConnector;
import io.tillpoint.domain.model.acquiring.AuthorizationRequest;
import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.payment.DeclineCode;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.infrastructure.connector.ConnectorScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
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
 * <li>4000000000003220: approved after a step-up challenge answered with 123456;</li>
 * <li>4000000000000101: issued in BR; every other card is issued in US;</li>
 * <li>any other valid number: approved.</li>
 * </ul>
 * Stateless: the challenge's expected answer is fixed, so any instance can complete it.
 * <p>
 * It answers at once unless {@code tillpoint.sandbox.latency-ms} (environment
 * {@code TILLPOINT_SANDBOX_LATENCY_MS}) asks it to take that long per call, as a real
 * acquirer and issuer do over the network; no thread waits meanwhile. A latency beyond
 * {@code tillpoint.acquirer.timeout-ms} makes every payment's outcome UNKNOWN.
 */
@ApplicationScoped
public class SandboxAcquirer implements AcquirerConnector {

    static final String CHALLENGE_CODE = "123456";
    private static final String CHALLENGE_CARD = "4000000000003220";
    private static final String ISSUED_IN_BRAZIL = "4000000000000101";

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

    @Override
    public CompletionStage<AuthorizationResult> authorize(AuthorizationRequest request) {
        return scheduler.after(latencyMs, answerFor(request.card().number().reveal()));
    }

    @Override
    public CompletionStage<AuthorizationResult> completeChallenge(String acquirerReference, String code) {
        return scheduler.after(latencyMs, challengeAnswered(acquirerReference, code));
    }

    @Override
    public CompletionStage<Void> reverse(String acquirerReference) {
        // The sandbox keeps no holds: a reversal always succeeds.
        return scheduler.after(latencyMs, null);
    }

    private AuthorizationResult answerFor(String pan) {
        String country = ISSUED_IN_BRAZIL.equals(pan) ? "BR" : "US";
        DeclineCode decline = DECLINES.get(pan);
        if (decline != null) {
            return new AuthorizationResult.Declined(decline, country);
        }
        if (CHALLENGE_CARD.equals(pan)) {
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
