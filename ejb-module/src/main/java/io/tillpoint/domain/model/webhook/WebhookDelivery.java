package io.tillpoint.domain.model.webhook;

import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One event on its way to one endpoint: the exact body every attempt sends, how many attempts
 * were made, when the next is due, and what the last one came to. Pending until a 2xx answer
 * ({@code succeeded}) or the end of the retry schedule ({@code failed}). A manual redelivery is a
 * new delivery of the same body that names the one it repeats.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @Column(length = 40)
    private String id;

    @Version
    private long version;

    @Column(name = "endpoint_id", nullable = false, length = 40, updatable = false)
    private String endpointId;

    @Column(name = "merchant_id", nullable = false, length = 40, updatable = false)
    private String merchantId;

    @Column(name = "event_id", nullable = false, length = 64, updatable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 40, updatable = false)
    private String eventType;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;

    @Column(name = "last_response_status")
    private Integer lastResponseStatus;

    @Column(name = "last_response_excerpt", length = 200)
    private String lastResponseExcerpt;

    @Column(name = "last_error", length = 200)
    private String lastError;

    @Column(name = "redelivery_of", length = 40, updatable = false)
    private String redeliveryOf;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected WebhookDelivery() {
    }

    /** {@code body} (the event as merchants see it) for {@code endpoint}, due at once. */
    public static WebhookDelivery of(WebhookEndpoint endpoint, String eventId, EventType type, String body,
            Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = Ids.newId("whd");
        d.endpointId = endpoint.id();
        d.merchantId = endpoint.merchantId();
        d.eventId = eventId;
        d.eventType = type.wireName();
        d.body = body;
        d.status = DeliveryStatus.PENDING.wire();
        d.nextAttemptAt = UtcTime.of(now);
        d.createdAt = UtcTime.of(now);
        d.updatedAt = d.createdAt;
        return d;
    }

    /**
     * The same body to the same endpoint once more, due at once, with its own attempts and its own
     * 24 hours, whatever became of this one (a pending one goes on being tried as well: receivers
     * tell a repeated event by its id).
     */
    public WebhookDelivery redeliver(Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = Ids.newId("whd");
        d.endpointId = endpointId;
        d.merchantId = merchantId;
        d.eventId = eventId;
        d.eventType = eventType;
        d.body = body;
        d.status = DeliveryStatus.PENDING.wire();
        d.redeliveryOf = id;
        d.nextAttemptAt = UtcTime.of(now);
        d.createdAt = UtcTime.of(now);
        d.updatedAt = d.createdAt;
        return d;
    }

    /**
     * Records the {@code attempts}-th attempt (counted when it was claimed): delivered, tried again
     * as {@code schedule} says, or given up once it says so.
     */
    public void record(DeliveryAttempt attempt, RetrySchedule schedule, Instant now) {
        if (status() != DeliveryStatus.PENDING) {
            throw new InvalidStateException("The delivery is " + status);
        }
        lastAttemptAt = UtcTime.of(now);
        lastResponseStatus = attempt.responseStatus();
        lastResponseExcerpt = attempt.excerpt();
        lastError = attempt.error();
        updatedAt = UtcTime.of(now);
        if (attempt.delivered()) {
            status = DeliveryStatus.SUCCEEDED.wire();
            nextAttemptAt = null;
            return;
        }
        schedule.nextAttempt(Math.max(1, attempts), createdAt(), now).ifPresentOrElse(
                next -> nextAttemptAt = UtcTime.of(next),
                () -> {
                    status = DeliveryStatus.FAILED.wire();
                    nextAttemptAt = null;
                });
    }

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String endpointId() {
        return endpointId;
    }

    public String merchantId() {
        return merchantId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    /** The exact bytes (UTF-8) every attempt sends and signs. */
    public String body() {
        return body;
    }

    public DeliveryStatus status() {
        return DeliveryStatus.ofWire(status);
    }

    /** Attempts made (or under way) so far. */
    public int attempts() {
        return attempts;
    }

    /** When the next attempt is due (or a claimed one's lease ends); null once succeeded or failed. */
    public Instant nextAttemptAt() {
        return UtcTime.instant(nextAttemptAt);
    }

    public Instant lastAttemptAt() {
        return UtcTime.instant(lastAttemptAt);
    }

    public Integer lastResponseStatus() {
        return lastResponseStatus;
    }

    public String lastResponseExcerpt() {
        return lastResponseExcerpt;
    }

    public String lastError() {
        return lastError;
    }

    /** The delivery this one repeats; null for an event's own delivery. */
    public String redeliveryOf() {
        return redeliveryOf;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }

    public Instant updatedAt() {
        return UtcTime.instant(updatedAt);
    }
}
