package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.model.access.AuthFailureReason;
import io.tillpoint.domain.model.card.PanMasking;
import java.util.logging.Logger;

/**
 * The security log of failed authentications ({@code io.tillpoint.auth}, in the server log): one
 * line per failure with where it came from and why, never the secret or the token. Every value a
 * caller chose (a client id) has its line breaks and other control characters escaped, card
 * numbers masked and its length capped, so that no caller can forge a line or leave a card
 * number in the log.
 */
public final class AuthFailures {

    static final Logger LOG = Logger.getLogger("io.tillpoint.auth");
    private static final int MAX_VALUE = 64;

    private AuthFailures() {
    }

    /** The token endpoint refused {@code clientId} (as the caller sent it). */
    static void atTokenEndpoint(AuthFailureReason reason, String clientId, String sourceIp) {
        LOG.info(() -> "auth_failed at=token_endpoint reason=" + reason.logName() + " client_id=" + escaped(clientId)
                + " ip=" + escaped(sourceIp));
    }

    /** A bearer token was refused; {@code clientId} is the token's, when it verified. */
    static void bearerToken(AuthFailureReason reason, String clientId, String sourceIp) {
        LOG.info(() -> "auth_failed at=bearer_token reason=" + reason.logName()
                + (clientId == null ? "" : " client_id=" + escaped(clientId)) + " ip=" + escaped(sourceIp));
    }

    /** A SOAP request's WS-Security UsernameToken was refused; {@code clientId} as the caller sent it. */
    public static void usernameToken(AuthFailureReason reason, String clientId, String sourceIp) {
        LOG.info(() -> "auth_failed at=username_token reason=" + reason.logName() + " client_id=" + escaped(clientId)
                + " ip=" + escaped(sourceIp));
    }

    /**
     * {@code value} as one quoted, harmless piece of a log line: CR, LF and other control
     * characters as escapes, quotes and backslashes escaped, card numbers masked, at most 64
     * characters of it. {@code -} for none.
     */
    static String escaped(String value) {
        if (value == null) {
            return "-";
        }
        String scrubbed = PanMasking.scrub(value.length() > 4096 ? value.substring(0, 4096) : value);
        String masked = scrubbed.length() > MAX_VALUE ? scrubbed.substring(0, MAX_VALUE) + "..." : scrubbed;
        String quoted = masked.replace("\\", "\\\\").replace("\"", "\\\"");
        return '"' + LogText.escape(quoted) + '"';
    }
}
