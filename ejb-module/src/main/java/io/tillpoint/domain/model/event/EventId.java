package io.tillpoint.domain.model.event;

import io.tillpoint.domain.shared.Ids;
import java.util.Objects;

/** An event's id: {@code evt_} and the gateway's id characters. */
public final class EventId {

    private final String value;

    private EventId(String value) {
        this.value = value;
    }

    public static EventId generate() {
        return new EventId(Ids.newId("evt"));
    }

    public static EventId of(String value) {
        if (!Ids.looksLike("evt", value)) {
            throw new IllegalArgumentException("not an event id");
        }
        return new EventId(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventId other && other.value.equals(value);
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
