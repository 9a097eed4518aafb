package io.tillpoint.domain.model.access;

/**
 * Why an authentication failed, as the security log names it (never with the secret or the token
 * that failed). Callers get the same answer for the first four: nothing tells them which it was.
 */
public enum AuthFailureReason {
    MALFORMED_REQUEST("malformed_request"),
    UNKNOWN_CLIENT("unknown_client"),
    WRONG_SECRET("wrong_secret"),
    LOCKED_OUT("locked"),
    CLIENT_REVOKED("revoked"),
    MERCHANT_SUSPENDED("suspended"),
    MALFORMED_TOKEN("malformed_token"),
    NO_KEY_ID("no_kid"),
    UNKNOWN_KEY("unknown_kid"),
    EXPIRED("expired"),
    WRONG_AUDIENCE("wrong_aud"),
    BAD_SIGNATURE("bad_signature_or_claims");

    private final String logName;

    AuthFailureReason(String logName) {
        this.logName = logName;
    }

    public String logName() {
        return logName;
    }
}
