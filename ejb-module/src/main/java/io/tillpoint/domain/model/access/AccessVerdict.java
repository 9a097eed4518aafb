package io.tillpoint.domain.model.access;

/** Whether the caller of a verified token may still act. */
public enum AccessVerdict {
    ALLOWED,
    /** The token's client was revoked: 401. */
    CLIENT_REVOKED,
    /** The token's merchant is suspended: 403 {@code merchant_suspended}. */
    MERCHANT_SUSPENDED
}
