package io.tillpoint.application;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.infrastructure.json.PaymentJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * What a merchant's endpoint receives for an event (contract, "Webhooks"):
 * {@code {"id":"evt_...","type","created_at","data":{object}}}. The event's {@code internal}
 * facts are never part of it.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    public static String of(DomainEvent event) {
        JsonObject data;
        try (JsonReader reader = Jsons.reader(new StringReader(event.data()))) {
            data = reader.readObject();
        }
        return Jsons.object()
                .add("id", event.id().value())
                .add("type", event.type().wireName())
                .add("created_at", PaymentJson.format(event.createdAt()))
                .add("data", data)
                .build()
                .toString();
    }
}
