package io.tillpoint.domain.model.payment;

import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Money returned to the cardholder from a captured payment: {@code pending} while the acquirer
 * has not answered, then {@code succeeded} or {@code failed} (a failed refund refunds nothing).
 */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    @Column(length = 40)
    private String id;

    @Version
    private long version;

    @Column(name = "payment_id", nullable = false, length = 40, updatable = false)
    private String paymentId;

    @Column(name = "merchant_id", nullable = false, length = 40, updatable = false)
    private String merchantId;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(length = 255, updatable = false)
    private String reason;

    @Column(name = "failure_code", length = 32)
    private String failureCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Refund() {
    }

    static final String PENDING = "pending";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    static Refund pending(Payment payment, Money amount, String reason, Instant now) {
        Refund r = new Refund();
        r.id = Ids.newId("re");
        r.paymentId = payment.id();
        r.merchantId = payment.merchantId();
        r.amount = amount.minorUnits();
        r.currency = amount.currency().code();
        r.status = PENDING;
        r.reason = reason;
        r.createdAt = UtcTime.of(now);
        r.updatedAt = r.createdAt;
        return r;
    }

    void succeed(Instant now) {
        answered(SUCCEEDED, null, now);
    }

    void fail(String code, Instant now) {
        answered(FAILED, code, now);
    }

    private void answered(String outcome, String code, Instant now) {
        if (!isPending()) {
            throw new IllegalStateException("refund " + id + " is " + status + ", not pending");
        }
        status = outcome;
        failureCode = code;
        updatedAt = UtcTime.of(now);
    }

    public boolean isPending() {
        return PENDING.equals(status);
    }

    public String id() {
        return id;
    }

    public String paymentId() {
        return paymentId;
    }

    public Money amount() {
        return Money.of(amount, CurrencyCode.of(currency));
    }

    public String status() {
        return status;
    }

    /** Why the acquirer refused it (its code); null unless failed. */
    public String failureCode() {
        return failureCode;
    }

    public String merchantId() {
        return merchantId;
    }

    public Instant updatedAt() {
        return UtcTime.instant(updatedAt);
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }
}
