package io.tillpoint.domain.model.idempotency;

import java.util.Objects;

/**
 * A request that carries an {@code Idempotency-Key}: who sent it (the key's scope), the key,
 * and the fingerprint that tells "the same request" from "another request with this key".
 */
public record KeyedRequest(String owner, IdempotencyKey key, RequestFingerprint fingerprint) {

    public KeyedRequest {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The primary key of this request's {@link IdempotencyRecord}. */
    public String recordId() {
        return IdempotencyRecord.idOf(owner, key);
    }
}
