package io.tillpoint.domain.model.merchant;

import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * OAuth2 client credentials. The secret is kept only as a keyed hash. A revoked client stays on
 * record, inactive: its tokens are refused from its next request on, and it gets no new ones.
 */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Version
    private long version;

    @Column(name = "secret_hash", nullable = false, length = 255)
    private String secretHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Column(name = "merchant_id", length = 40)
    private String merchantId;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_reason", length = 500)
    private String revokedReason;

    protected ApiClient() {
    }

    public static ApiClient forMerchant(String clientId, String secretHash, String merchantId, Instant now) {
        return create(clientId, secretHash, Role.MERCHANT, merchantId, now);
    }

    public static ApiClient platform(String clientId, String secretHash, Instant now) {
        return create(clientId, secretHash, Role.PLATFORM_ADMIN, null, now);
    }

    private static ApiClient create(String clientId, String secretHash, Role role, String merchantId, Instant now) {
        ApiClient c = new ApiClient();
        c.clientId = clientId;
        c.secretHash = secretHash;
        c.role = role;
        c.merchantId = merchantId;
        c.active = true;
        c.createdAt = UtcTime.of(now);
        return c;
    }

    /** Replaces the secret's hash (rotation, or the configured bootstrap secret). */
    public void changeSecret(String newSecretHash) {
        this.secretHash = newSecretHash;
    }

    /** Revokes the client for good; a revoked client cannot be revoked again (409). */
    public void revoke(Reason reason, Instant now) {
        if (!active) {
            throw new InvalidStateException("The client is already revoked");
        }
        active = false;
        revokedAt = UtcTime.of(now);
        revokedReason = reason.text();
    }

    public Instant revokedAt() {
        return UtcTime.instant(revokedAt);
    }

    public String revokedReason() {
        return revokedReason;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }

    public String clientId() {
        return clientId;
    }

    public String secretHash() {
        return secretHash;
    }

    public Role role() {
        return role;
    }

    public String merchantId() {
        return merchantId;
    }

    public boolean active() {
        return active;
    }
}
