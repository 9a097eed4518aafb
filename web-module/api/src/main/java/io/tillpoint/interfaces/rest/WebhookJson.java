package io.tillpoint.interfaces.rest;

import io.tillpoint.application.NewWebhookSecret;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** Webhook endpoints and deliveries as the API shows them. A secret only where it is shown once. */
final class WebhookJson {

    private WebhookJson() {
    }

    static JsonObject endpoint(WebhookEndpoint e, Instant now) {
        return endpointBuilder(e, now).build();
    }

    /** The new endpoint with its secret, or (for a replay) with {@code secret: null}. */
    static JsonObject registered(NewWebhookSecret created, Instant now, boolean withSecret) {
        JsonObjectBuilder json = endpointBuilder(created.endpoint(), now);
        return secret(json, created, withSecret).build();
    }

    /** The rotated endpoint's new secret, or (for a replay) {@code secret: null}. */
    static JsonObject rotated(NewWebhookSecret rotated, Instant now, boolean withSecret) {
        WebhookEndpoint e = rotated.endpoint();
        JsonObjectBuilder json = Jsons.object()
                .add("id", e.id())
                .add("object", "webhook_endpoint_secret")
                .add("secret_version", e.secretVersion());
        nullable(json, "previous_secret_expires_at", Timestamps.format(e.previousSecretExpiresAt(now)));
        return secret(json, rotated, withSecret).build();
    }

    static JsonObject delivery(WebhookDelivery d) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", d.id())
                .add("object", "webhook_delivery")
                .add("endpoint_id", d.endpointId())
                .add("event_id", d.eventId())
                .add("event_type", d.eventType())
                .add("status", d.status().wire())
                .add("attempts", d.attempts());
        nullable(json, "next_attempt_at", Timestamps.format(d.nextAttemptAt()));
        nullable(json, "last_attempt_at", Timestamps.format(d.lastAttemptAt()));
        if (d.lastResponseStatus() == null) {
            json.addNull("last_response_status");
        } else {
            json.add("last_response_status", d.lastResponseStatus());
        }
        nullable(json, "last_response_excerpt", d.lastResponseExcerpt());
        nullable(json, "last_error", d.lastError());
        nullable(json, "redelivery_of", d.redeliveryOf());
        return json.add("created_at", Timestamps.format(d.createdAt())).build();
    }

    private static JsonObjectBuilder endpointBuilder(WebhookEndpoint e, Instant now) {
        JsonArrayBuilder events = Jsons.array();
        e.events().wireNames().forEach(events::add);
        JsonObjectBuilder json = Jsons.object()
                .add("id", e.id())
                .add("object", "webhook_endpoint")
                .add("url", e.url().toString())
                .add("events", events)
                .add("secret_version", e.secretVersion());
        nullable(json, "previous_secret_expires_at", Timestamps.format(e.previousSecretExpiresAt(now)));
        return json.add("created_at", Timestamps.format(e.createdAt()));
    }

    private static JsonObjectBuilder secret(JsonObjectBuilder json, NewWebhookSecret created, boolean withSecret) {
        return withSecret ? json.add("secret", created.secret().reveal()) : json.addNull("secret");
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
