package io.tillpoint.domain.model.acquiring;

import java.util.concurrent.CompletionStage;

/**
 * A card acquirer. Every call returns at once, without waiting on the network: the stage
 * completes when the acquirer answers (at once for an answer the connector already has).
 * The gateway calls it outside any database transaction and waits for the answer within its
 * own time limit; no answer by then is {@link AuthorizationResult.Unknown}, never a guess.
 */
public interface AcquirerConnector {

    CompletionStage<AuthorizationResult> authorize(AuthorizationRequest request);

    /** Sends the cardholder's answer to a step-up challenge for an earlier authorization. */
    CompletionStage<AuthorizationResult> completeChallenge(String acquirerReference, String code);

    /** Releases an authorization at the issuer (a reversal); best effort, the hold expires anyway. */
    CompletionStage<Void> reverse(String acquirerReference);
}
