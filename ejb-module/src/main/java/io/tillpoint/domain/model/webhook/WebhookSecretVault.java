package io.tillpoint.domain.model.webhook;

/**
 * Port: keeps signing secrets encrypted at rest. A sealed secret names the key version it was
 * sealed with and is bound to its endpoint: copied to another endpoint's row it opens nowhere.
 */
public interface WebhookSecretVault {

    /** The stored form of {@code secret} for {@code endpointId}, under the current key (ASCII, at most 200 characters). */
    String seal(String endpointId, WebhookSecret secret);

    /** The secret back; throws when the key is gone or the value was not sealed for this endpoint. */
    WebhookSecret open(String endpointId, String sealed);
}
