package io.tillpoint.domain.model.event;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import java.util.Objects;

/**
 * An event's id: {@code evt_} and time-ordered random characters, as every public id of the
 * gateway ({@link Ids#newId}). Consumers deduplicate by it: one event may arrive more than once.
 */
public final class EventId {

    static final String PREFIX = "evt";

    private final String value;

    private EventId(String value) {
        this.value = value;
    }

    public static EventId generate() {
        return new EventId(Ids.newId(PREFIX));
    }

    /** An id as the gateway made it; anything else is refused (400 {@code event_id}). */
    public static EventId of(String value) {
        if (!Ids.looksLike(PREFIX, value) || value.length() == PREFIX.length() + 1) {
            throw new InvalidInputException("event_id", "is not an event id");
        }
        return new EventId(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
