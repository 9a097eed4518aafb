package io.tillpoint.application;

import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.domain.model.webhook.WebhookSecret;

/** An endpoint with the secret it signs with from now on: shown in this one answer, never again. */
public record NewWebhookSecret(WebhookEndpoint endpoint, WebhookSecret secret) {
}
