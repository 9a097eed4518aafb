package io.tillpoint.domain.model.webhook;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a merchant receives webhooks: a URL, the events it wants, and the secret deliveries are
 * signed with. The secret is kept sealed (it must be used, so it cannot be a hash). A rotation
 * makes a new secret current and keeps the one before signing too until its grace ends, so a
 * receiver can change its secret without refusing a single delivery.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    /** How long a rotated-out secret still signs (contract: 24 hours). */
    public static final Duration ROTATION_GRACE = Duration.ofHours(24);

    @Id
    @Column(length = 40)
    private String id;

    @Version
    private long version;

    @Column(name = "merchant_id", nullable = false, length = 40, updatable = false)
    private String merchantId;

    @Column(nullable = false, length = WebhookUrl.MAX_LENGTH, updatable = false)
    private String url;

    @Column(nullable = false, length = 500, updatable = false)
    private String events;

    @Column(name = "secret_version", nullable = false)
    private int secretVersion;

    @Column(name = "secret_sealed", nullable = false, length = 200)
    private String secretSealed;

    @Column(name = "previous_secret_sealed", length = 200)
    private String previousSecretSealed;

    @Column(name = "previous_secret_expires_at")
    private OffsetDateTime previousSecretExpiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected WebhookEndpoint() {
    }

    /** A new endpoint's id, made first: its secret is sealed for it before the endpoint exists. */
    public static String newId() {
        return Ids.newId("we");
    }

    /**
     * A new endpoint {@code id} ({@link #newId}) of {@code merchantId}, its first secret sealed for
     * it; {@code url} already checked ({@link ReceiverAddresses}).
     */
    public static WebhookEndpoint register(String id, String merchantId, WebhookUrl url, SubscribedEvents events,
            String sealedSecret, Instant now) {
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = id;
        e.merchantId = merchantId;
        e.url = url.toString();
        e.events = events.storedForm();
        e.secretVersion = 1;
        e.secretSealed = sealedSecret;
        e.createdAt = UtcTime.of(now);
        e.updatedAt = e.createdAt;
        return e;
    }

    /**
     * Makes {@code newSealedSecret} the secret; the one it replaces signs too for
     * {@link #ROTATION_GRACE}. A secret rotated out before (still in its grace) stops signing now:
     * two secrets sign at most, the current one and the one just before it.
     */
    public void rotateSecret(String newSealedSecret, Instant now) {
        previousSecretSealed = secretSealed;
        previousSecretExpiresAt = UtcTime.of(now.plus(ROTATION_GRACE));
        secretSealed = newSealedSecret;
        secretVersion++;
        updatedAt = UtcTime.of(now);
    }

    /** The sealed secrets that sign a delivery sent at {@code now}: the current one first. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secretSealed);
        if (previousSecretSealed != null && previousSecretExpiresAt.toInstant().isAfter(now)) {
            secrets.add(previousSecretSealed);
        }
        return secrets;
    }

    public boolean receives(io.tillpoint.domain.model.event.EventType type) {
        return events().includes(type);
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public WebhookUrl url() {
        return WebhookUrl.parse(url);
    }

    public SubscribedEvents events() {
        return SubscribedEvents.stored(events);
    }

    /** 1 for the first secret, one more for each rotation. */
    public int secretVersion() {
        return secretVersion;
    }

    /** Until when the secret rotated out last still signs; null when none does. */
    public Instant previousSecretExpiresAt(Instant now) {
        Instant expires = UtcTime.instant(previousSecretExpiresAt);
        return expires != null && expires.isAfter(now) ? expires : null;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }

    public Instant updatedAt() {
        return UtcTime.instant(updatedAt);
    }
}
