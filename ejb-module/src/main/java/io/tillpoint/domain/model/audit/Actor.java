package io.tillpoint.domain.model.audit;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Who acted: an API client (by client id), a console user (by user name), or the gateway itself
 * (start-up, schedules).
 */
public record Actor(Type type, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    public enum Type {
        API_CLIENT("api_client"), CONSOLE_USER("console_user"), SYSTEM("system");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Type ofWire(String wire) {
            for (Type t : values()) {
                if (t.wire.equals(wire)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no actor type " + wire);
        }
    }

    public static final Actor SYSTEM = new Actor(Type.SYSTEM, "tillpoint");

    public Actor {
        if (type == null || id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an actor is a type and an id of 1 to 64 plain characters");
        }
    }

    public static Actor apiClient(String clientId) {
        return new Actor(Type.API_CLIENT, clientId);
    }

    public static Actor consoleUser(String username) {
        return new Actor(Type.CONSOLE_USER, username);
    }

    /** The {@code actor} filter of a query: an id as actors carry them. */
    public static String requireFilter(String id, String param) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException(param, "must be a client id or user name (1 to 64 letters, digits, _ . @ -)");
        }
        return id;
    }
}
