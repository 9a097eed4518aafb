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

/** Money returned to the cardholder from a captured payment. */
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

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Refund() {
    }

    static Refund succeeded(Payment payment, Money amount, String reason, Instant now) {
        Refund r = new Refund();
        r.id = Ids.newId("re");
        r.paymentId = payment.id();
        r.merchantId = payment.merchantId();
        r.amount = amount.minorUnits();
        r.currency = amount.currency().code();
        r.status = "succeeded";
        r.reason = reason;
        r.createdAt = UtcTime.of(now);
        return r;
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

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }
}
