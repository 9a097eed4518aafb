package io.tillpoint.domain.model.recovery;

import io.tillpoint.domain.model.acquiring.OperationRequest;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One piece of work owed to the acquirer, written in the same transaction as the intent it
 * follows (the payment's attempt, a capture, void or refund asked for) and deleted in the one
 * that records the acquirer's answer. While it exists, the outcome is not known.
 * An authorization's follow-up has the payment's id; the others have their own, which is also
 * the operation's id at the acquirer, so that a resend is the same operation.
 */
@Entity
@Table(name = "acquirer_follow_up")
public class FollowUp {

    @Id
    @Column(length = 40)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private FollowUpKind kind;

    @Column(name = "payment_id", nullable = false, length = 40, updatable = false)
    private String paymentId;

    @Column(name = "refund_id", length = 40, updatable = false)
    private String refundId;

    @Column(updatable = false)
    private Long amount;

    @Column(length = 3, updatable = false)
    private String currency;

    @Column(name = "idempotency_record_id", length = 330, updatable = false)
    private String idempotencyRecordId;

    /** The authorization a reversal releases, when the payment itself does not know it (a late approval). */
    @Column(name = "acquirer_reference", length = 64, updatable = false)
    private String acquirerReference;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "last_outcome", length = 64)
    private String lastOutcome;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected FollowUp() {
    }

    /** Inquire about the payment's authorization if its answer is not on record by {@code dueAt}. */
    public static FollowUp authorization(String paymentId, String idempotencyRecordId, Instant now, Instant dueAt) {
        FollowUp f = new FollowUp();
        f.id = paymentId;
        f.kind = FollowUpKind.AUTHORIZATION;
        f.paymentId = paymentId;
        f.idempotencyRecordId = idempotencyRecordId;
        f.createdAt = UtcTime.of(now);
        f.dueAt = UtcTime.of(dueAt);
        return f;
    }

    /**
     * Send {@code kind} for the payment (a refund's id in {@code refundId}, null otherwise) again
     * unless its answer is on record by {@code dueAt}.
     */
    public static FollowUp operation(FollowUpKind kind, String paymentId, String refundId, Money amount,
            String idempotencyRecordId, Instant now, Instant dueAt) {
        if (kind == FollowUpKind.AUTHORIZATION) {
            throw new IllegalArgumentException("an authorization is followed up with authorization()");
        }
        FollowUp f = new FollowUp();
        f.id = Ids.newId(prefix(kind));
        f.kind = kind;
        f.paymentId = paymentId;
        f.refundId = refundId;
        if (amount != null) {
            f.amount = amount.minorUnits();
            f.currency = amount.currency().code();
        }
        f.idempotencyRecordId = idempotencyRecordId;
        f.createdAt = UtcTime.of(now);
        f.dueAt = UtcTime.of(dueAt);
        return f;
    }

    /**
     * Send a reversal of the payment's authorization ({@code acquirerReference}, null when the
     * payment holds it) from {@code dueAt} on: owed when recovery found no record, or for an
     * approval that came after the payment was declined.
     */
    public static FollowUp reversal(String paymentId, String acquirerReference, Instant now, Instant dueAt) {
        FollowUp f = operation(FollowUpKind.REVERSAL, paymentId, null, null, null, now, dueAt);
        f.acquirerReference = acquirerReference;
        return f;
    }

    private static String prefix(FollowUpKind kind) {
        return switch (kind) {
            case CAPTURE -> "cap";
            case VOID -> "void";
            case REFUND -> "rfo";
            case REVERSAL -> "rev";
            case AUTHORIZATION -> "pay";
        };
    }

    /**
     * The operation as the acquirer gets it, on the first send and every resend; for the
     * authorization {@code paymentsReference} (the payment's), unless this follow-up names its own.
     */
    public OperationRequest request(String paymentsReference) {
        if (kind.operation() == null) {
            throw new IllegalStateException("an authorization is inquired about, not sent again");
        }
        return new OperationRequest(id, kind.operation(), paymentId,
                acquirerReference != null ? acquirerReference : paymentsReference, amount());
    }

    /** Still no answer ({@code outcome} says why): due again at {@code next}. */
    public void askAgainAt(Instant next, String outcome) {
        dueAt = UtcTime.of(next);
        lastOutcome = outcome == null ? null : outcome.substring(0, Math.min(outcome.length(), 64));
    }

    public String id() {
        return id;
    }

    public FollowUpKind kind() {
        return kind;
    }

    public String paymentId() {
        return paymentId;
    }

    public String refundId() {
        return refundId;
    }

    public Money amount() {
        return amount == null ? null : Money.of(amount, CurrencyCode.of(currency));
    }

    /** The idempotency record whose stored answer waits for this outcome; null when none does. */
    public String idempotencyRecordId() {
        return idempotencyRecordId;
    }

    /** How many times a recovery worker has taken it (0 while only its request has tried). */
    public int attempts() {
        return attempts;
    }

    public Instant dueAt() {
        return UtcTime.instant(dueAt);
    }

    public String lastOutcome() {
        return lastOutcome;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }
}
