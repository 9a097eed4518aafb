package io.tillpoint.domain.model.access;

/** A presented client secret against the stored hash. */
public enum SecretMatch {
    /** Wrong secret, malformed hash, or no client at all. */
    NO_MATCH,
    /** Right secret, hashed the current way. */
    MATCH,
    /** Right secret, hashed an older way (PBKDF2, or an older HMAC key): hash it again now. */
    MATCH_REHASH;

    public boolean matches() {
        return this != NO_MATCH;
    }
}
