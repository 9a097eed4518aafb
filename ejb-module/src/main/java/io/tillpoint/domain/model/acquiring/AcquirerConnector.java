package io.tillpoint.domain.model.acquiring;

import io.tillpoint.domain.model.card.CardNumber;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A card acquirer. Every call returns at once, without waiting on the network: the stage
 * completes when the acquirer answers (at once for an answer the connector already has), or
 * never when the answer is lost. The gateway calls it outside any database transaction and
 * waits for the answer within its own time limit; no answer by then is UNKNOWN, never a guess,
 * and the recovery job asks again ({@link #inquire}) or sends again ({@link #send}).
 */
public interface AcquirerConnector {

    CompletionStage<AuthorizationResult> authorize(AuthorizationRequest request);

    /** Sends the cardholder's answer to a step-up challenge for the payment's earlier authorization. */
    CompletionStage<AuthorizationResult> completeChallenge(String paymentId, String acquirerReference, String code);

    /** What happened to the payment's authorization: the acquirer's record of it, or none. */
    CompletionStage<InquiryResult> inquire(String paymentId);

    /**
     * A capture, void, refund or reversal. The acquirer knows an operation by its id, so
     * sending the same one again (after an answer was lost) does it at most once.
     */
    CompletionStage<OperationResult> send(OperationRequest request);

    /**
     * Card numbers that are public and shared by every merchant on this acquirer (a sandbox's test
     * cards): risk control counts and freezes them per merchant, so one merchant's tests never
     * freeze a test card for the others. None for a real acquirer.
     */
    default List<CardNumber> publicTestCards() {
        return List.of();
    }
}
