package io.tillpoint.interfaces.rest;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature and claims were verified, by their compact form, with the
 * verification's result, until the token expires and for at most {@link #LONGEST}.
 *
 * <p>A token is an immutable signed string: the same string verifies the same way until it
 * expires, so a merchant's requests need not repeat the RSA check, the key parsing and the JSON
 * decoding on every call. What may be lost is kept here, in memory only: a miss just verifies
 * again. The bound on an entry's life means a change of the verification key or of the
 * verification settings takes effect within {@link #LONGEST}, as with the server's own key cache.
 */
final class VerifiedTokens {

    /** How long a verification is trusted at most, whatever the token's own expiry. */
    static final Duration LONGEST = Duration.ofMinutes(5);

    private record Entry(CredentialValidationResult result, Instant until) { }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;

    VerifiedTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The verification of {@code token} if it is still good at {@code now}, else null. */
    CredentialValidationResult get(String token, Instant now) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(token, entry);
            return null;
        }
        return entry.result();
    }

    /**
     * Remembers a successful verification of {@code token}, verified at {@code now}, which
     * expires at {@code expiresAt}; an expired one is not kept.
     */
    void put(String token, CredentialValidationResult result, Instant expiresAt, Instant now) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throw new IllegalArgumentException("only a successful verification is kept");
        }
        Instant until = earliest(expiresAt, now.plus(LONGEST));
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= capacity) {
            makeRoom(now);
        }
        entries.put(token, new Entry(result, until));
    }

    /** Forgets every verification (the keys they were made with changed). */
    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** Drops what has expired; if that is not enough, everything (the cost is one check per token). */
    private void makeRoom(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.until()));
        if (entries.size() >= capacity) {
            entries.clear();
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
