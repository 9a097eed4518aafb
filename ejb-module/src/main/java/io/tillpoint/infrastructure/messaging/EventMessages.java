package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventId;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.infrastructure.json.PaymentJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An event as a JMS message: a {@code TextMessage} whose body is
 * {@code {"id","type","created_at","merchant_id","subject_id","data":{...},"internal":{...}}} and
 * whose String properties {@code eventId}, {@code eventType} and {@code merchantId} let a consumer
 * select or log without reading the body.
 * <p>
 * Several events for one queue from one relay round travel as one message, a <em>batch</em>: its
 * body is the JSON array of the events' bodies, and its int property {@code eventCount} says how
 * many (it has none of the single event's String properties). One message per queue and round
 * instead of one per event: the broker and the consumer's transaction cost the same for one event
 * or many, and under load a round holds tens of events.
 */
public final class EventMessages {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String MERCHANT_ID = "merchantId";
    public static final String EVENT_COUNT = "eventCount";

    private EventMessages() {
    }

    /**
     * The body. {@code data} and {@code internal} are JSON objects already (written by the event's
     * maker), so they go in as they are; the rest is quoted.
     */
    public static String body(DomainEvent event) {
        StringBuilder json = new StringBuilder(event.data().length() + event.internal().length() + 200);
        json.append("{\"id\":").append(quoted(event.id().value()))
                .append(",\"type\":").append(quoted(event.type().wireName()))
                .append(",\"created_at\":").append(quoted(PaymentJson.format(event.createdAt())))
                .append(",\"merchant_id\":").append(event.merchantId() == null ? "null" : quoted(event.merchantId()))
                .append(",\"subject_id\":").append(quoted(event.subjectId()))
                .append(",\"data\":").append(event.data())
                .append(",\"internal\":").append(event.internal())
                .append('}');
        return json.toString();
    }

    /** A batch's body: the events' bodies as one JSON array, in the order given. */
    public static String batchBody(List<DomainEvent> events) {
        StringBuilder json = new StringBuilder(events.size() * 600);
        json.append('[');
        for (DomainEvent event : events) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(body(event));
        }
        return json.append(']').toString();
    }

    /** The event a body describes; {@link UnreadableEvent} when it is not one. */
    public static DomainEvent parse(String body) {
        if (body == null) {
            throw new UnreadableEvent("the message has no text body");
        }
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            return event(reader.readObject());
        } catch (JsonException | ClassCastException e) {
            throw new UnreadableEvent("the message is not an event: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The events a batch's body holds, in its order; {@link UnreadableEvent} when it is not a
     * non-empty array of events (one that is not makes the whole message unreadable).
     */
    public static List<DomainEvent> parseBatch(String body) {
        if (body == null) {
            throw new UnreadableEvent("the message has no text body");
        }
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            JsonArray array = reader.readArray();
            if (array.isEmpty()) {
                throw new UnreadableEvent("the batch holds no event");
            }
            List<DomainEvent> events = new ArrayList<>(array.size());
            for (JsonValue item : array) {
                events.add(event(item.asJsonObject()));
            }
            return events;
        } catch (JsonException | ClassCastException e) {
            throw new UnreadableEvent("the message is not a batch of events: " + e.getClass().getSimpleName());
        }
    }

    private static DomainEvent event(JsonObject json) {
        try {
            String type = json.getString("type");
            return new DomainEvent(EventId.of(json.getString("id")),
                    EventType.fromWireName(type).orElseThrow(() -> new UnreadableEvent("its type is none of the gateway's")),
                    json.isNull("merchant_id") ? null : json.getString("merchant_id"),
                    json.getString("subject_id"),
                    Instant.parse(json.getString("created_at")),
                    json.getJsonObject("data").toString(),
                    json.containsKey("internal") && json.get("internal").getValueType() == JsonValue.ValueType.OBJECT
                            ? json.getJsonObject("internal").toString() : "{}");
        } catch (ClassCastException | NullPointerException | DateTimeParseException
                | io.tillpoint.domain.shared.InvalidInputException e) {
            throw new UnreadableEvent("the message is not an event: " + e.getClass().getSimpleName());
        }
    }

    private static String quoted(String text) {
        return Jsons.string(text);
    }

    /** A message that is not an event of this gateway: it can never succeed, so it is dead-lettered at once. */
    public static final class UnreadableEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableEvent(String message) {
            super(message);
        }
    }
}
