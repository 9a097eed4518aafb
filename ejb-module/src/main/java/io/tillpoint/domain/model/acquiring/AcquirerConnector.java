package io.tillpoint.domain.model.acquiring;

/**
 * A card acquirer. Called outside any database transaction; an implementation answers
 * within its own timeout or returns {@link AuthorizationResult.Unknown}.
 */
public interface AcquirerConnector {

    AuthorizationResult authorize(AuthorizationRequest request);

    /** Sends the cardholder's answer to a step-up challenge for an earlier authorization. */
    AuthorizationResult completeChallenge(String acquirerReference, String code);

    /** Releases an authorization at the issuer (a reversal); best effort, the hold expires anyway. */
    void reverse(String acquirerReference);
}
