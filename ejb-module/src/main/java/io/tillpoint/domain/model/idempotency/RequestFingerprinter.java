package io.tillpoint.domain.model.idempotency;

/**
 * Makes a request's {@link RequestFingerprint} (a port; infrastructure keeps the key). The same
 * request gives the same fingerprint however its JSON body is written (member order, whitespace);
 * the fingerprint holds nothing from which a card number or CVC could be recovered or tested.
 */
public interface RequestFingerprinter {

    /** The fingerprint of {@code method} on {@code path} with {@code body} (empty for none). */
    RequestFingerprint fingerprint(String method, String path, byte[] body);
}
