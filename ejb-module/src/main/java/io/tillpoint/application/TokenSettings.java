package io.tillpoint.application;

import io.tillpoint.domain.model.access.LockoutPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What tokens say and how long they live, and the token endpoint's lock-out, from configuration.
 * A token lives at most 15 minutes (the contract: {@code expires_in} <= 900); a longer
 * {@code tillpoint.token.ttl-seconds} fails the start, since every revocation and key retirement
 * bound leans on it.
 */
@ApplicationScoped
public class TokenSettings {

    public static final long LONGEST_TTL_SECONDS = 900;

    @Inject
    @ConfigProperty(name = "tillpoint.token.issuer", defaultValue = "tillpoint")
    String issuer;

    @Inject
    @ConfigProperty(name = "tillpoint.token.audience", defaultValue = "tillpoint-api")
    String audience;

    @Inject
    @ConfigProperty(name = "tillpoint.token.ttl-seconds", defaultValue = "900")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "tillpoint.auth.lockout-window-ms", defaultValue = "300000")
    long lockoutWindowMs;

    /** For CDI. */
    public TokenSettings() {
    }

    TokenSettings(String issuer, String audience, long ttlSeconds, long lockoutWindowMs) {
        this.issuer = issuer;
        this.audience = audience;
        this.ttlSeconds = ttlSeconds;
        this.lockoutWindowMs = lockoutWindowMs;
    }

    /** Fails with what to fix when the configuration breaks a rule; called once at start. */
    public void check() {
        if (ttlSeconds < 1 || ttlSeconds > LONGEST_TTL_SECONDS) {
            throw new IllegalStateException("tillpoint.token.ttl-seconds (TILLPOINT_TOKEN_TTL_SECONDS) is " + ttlSeconds
                    + ": it must be 1 to 900 (tokens live at most 15 minutes)");
        }
        if (lockoutWindowMs < 1) {
            throw new IllegalStateException("tillpoint.auth.lockout-window-ms (TILLPOINT_AUTH_LOCKOUT_WINDOW_MS) is "
                    + lockoutWindowMs + ": it must be positive");
        }
        if (audience == null || audience.isBlank() || issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("tillpoint.token.issuer and tillpoint.token.audience must not be empty");
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public long ttlSeconds() {
        return ttlSeconds;
    }

    public LockoutPolicy lockoutPolicy() {
        return LockoutPolicy.of(Duration.ofMillis(lockoutWindowMs));
    }
}
