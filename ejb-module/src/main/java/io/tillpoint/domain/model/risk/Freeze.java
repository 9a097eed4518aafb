package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * A card (internal fingerprint), customer (one merchant's customer id), IP address or merchant
 * that may not pay until {@code expiresAt}, or until an analyst lifts it with a reason. Made by a
 * velocity rule ({@code ruleName} says which) or by an analyst. A card freeze names the BIN and
 * the payment that tipped it, never the fingerprint.
 */
public record Freeze(String id, SubjectKind kind, String value, String merchantId, String cardBin, String paymentId,
        String ruleId, Integer ruleVersion, String ruleName, String reason, Instant createdAt, String createdBy,
        Instant expiresAt, Instant liftedAt, String liftedBy, String liftReason) {

    public Freeze {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a freeze ends after it begins");
        }
    }

    /** The state at {@code now}: active, lifted or expired. */
    public String status(Instant now) {
        if (liftedAt != null) {
            return "lifted";
        }
        return now.isBefore(expiresAt) ? "active" : "expired";
    }

    public boolean activeAt(Instant now) {
        return liftedAt == null && now.isBefore(expiresAt);
    }

    /**
     * A new freeze by {@code rule}, of what the attempt of {@code paymentId} tipped over it.
     * {@code merchantId}: a customer's merchant, or the one merchant a card is frozen at (a public
     * test card's freeze); null otherwise.
     */
    public static Freeze byRule(RiskRule rule, SubjectKind kind, String value, String merchantId, String cardBin,
            String paymentId, String reason, Instant now) {
        return new Freeze(Ids.newId("frz"), kind, value, kind == SubjectKind.MERCHANT ? null : merchantId,
                kind == SubjectKind.CARD ? cardBin : null, paymentId, rule.id(), rule.version(), rule.name(), reason,
                now, "tillpoint", now.plus(rule.freezeFor()), null, null, null);
    }

    /** A new freeze by an analyst. */
    public static Freeze byAnalyst(SubjectKind kind, String value, String merchantId, String cardBin,
            String paymentId, String reason, Instant now, Instant until, String by) {
        return new Freeze(Ids.newId("frz"), kind, value, merchantId, cardBin, paymentId, null, null, null, reason, now,
                by, until, null, null, null);
    }

    /** The value as an operator may see it: a card's fingerprint is never shown. */
    public String shownValue() {
        return kind == SubjectKind.CARD ? null : value;
    }

    String key() {
        return RiskKeys.of(kind, value, merchantId);
    }
}
