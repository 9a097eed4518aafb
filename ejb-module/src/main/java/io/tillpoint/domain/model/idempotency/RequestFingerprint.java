package io.tillpoint.domain.model.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What tells "the same request" from "another request" under one idempotency key: a keyed hash of
 * the request's canonical form, made by a {@link RequestFingerprinter}. Its value names the
 * versions of the keys it was made with, so a record made before a key was rotated can still be
 * compared: {@link #matches} then asks for this request's fingerprint under the record's keys.
 */
public final class RequestFingerprint {

    private final String value;
    private final UnaryOperator<String> underKeysOf;

    /**
     * @param value the fingerprint under the current keys, as it is stored
     * @param underKeysOf for a stored value made under other keys, this request's fingerprint
     *        under those keys (null when they are not held any more)
     */
    public RequestFingerprint(String value, UnaryOperator<String> underKeysOf) {
        this.value = Objects.requireNonNull(value, "value");
        this.underKeysOf = Objects.requireNonNull(underKeysOf, "underKeysOf");
    }

    /** A fingerprint that matches only its own value (no other key versions to compare under). */
    public static RequestFingerprint of(String value) {
        return new RequestFingerprint(value, stored -> null);
    }

    /** The value to store with a new record. */
    public String value() {
        return value;
    }

    /** Whether {@code stored}, the fingerprint of an earlier request with the key, is this request's. */
    public boolean matches(String stored) {
        if (stored == null) {
            return false;
        }
        if (equal(value, stored)) {
            return true;
        }
        String again = underKeysOf.apply(stored);
        return again != null && equal(again, stored);
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestFingerprint other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "RequestFingerprint[" + value + "]";
    }
}
