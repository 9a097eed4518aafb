package io.tillpoint.domain.model.webhook;

import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The events an endpoint receives: one or more of the eight a merchant may see, each once. */
public final class SubscribedEvents {

    private static final String PARAM = "events";

    private final Set<EventType> types;

    private SubscribedEvents(Set<EventType> types) {
        this.types = types;
    }

    /** From the wire names a merchant gave; an unknown or internal one is a 400 on {@code events}. */
    public static SubscribedEvents of(Collection<String> wireNames) {
        if (wireNames == null || wireNames.isEmpty()) {
            throw new InvalidInputException(PARAM, "must name at least one event");
        }
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : wireNames) {
            EventType type = EventType.fromWireName(name).filter(EventType::merchantVisible)
                    .orElseThrow(() -> new InvalidInputException(PARAM, "must name only webhook events: "
                            + merchantVisibleNames()));
            types.add(type);
        }
        return new SubscribedEvents(types);
    }

    /** As stored: the wire names, space-separated, in the order of {@link EventType}. */
    public static SubscribedEvents stored(String text) {
        return of(Arrays.asList(text.split(" ")));
    }

    public String storedForm() {
        return String.join(" ", wireNames());
    }

    public boolean includes(EventType type) {
        return types.contains(type);
    }

    public List<String> wireNames() {
        return types.stream().map(EventType::wireName).toList();
    }

    private static String merchantVisibleNames() {
        return Arrays.stream(EventType.values()).filter(EventType::merchantVisible).map(EventType::wireName)
                .collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubscribedEvents other && other.types.equals(types);
    }

    @Override
    public int hashCode() {
        return types.hashCode();
    }

    @Override
    public String toString() {
        return storedForm();
    }
}
