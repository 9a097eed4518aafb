package io.tillpoint.domain.model.webhook;

import io.tillpoint.domain.shared.Ids;
import java.util.Objects;

/**
 * An endpoint's signing secret, {@code whsec_} and 32 random characters (190 bits). Shown to the
 * merchant once, when it is made; kept sealed ({@link WebhookSecretVault}); its {@code toString}
 * never shows it.
 */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int RANDOM_LENGTH = 32;

    private final String value;

    private WebhookSecret(String value) {
        this.value = value;
    }

    public static WebhookSecret generate() {
        return new WebhookSecret(PREFIX + Ids.randomToken(RANDOM_LENGTH));
    }

    /** A secret as it was generated (read back from its sealed form, or in tests). */
    public static WebhookSecret of(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() != PREFIX.length() + RANDOM_LENGTH
                || !value.substring(PREFIX.length()).chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("not a webhook secret");
        }
        return new WebhookSecret(value);
    }

    /** The secret itself: for the one answer that shows it, for sealing and for signing. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return PREFIX + "****";
    }
}
