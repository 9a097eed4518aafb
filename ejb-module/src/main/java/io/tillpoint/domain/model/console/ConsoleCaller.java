package io.tillpoint.domain.model.console;

import io.tillpoint.domain.model.audit.Actor;
import io.tillpoint.domain.model.audit.AuditContext;

/** A signed-in console user acting: who, in which role, from which address. */
public record ConsoleCaller(String username, ConsoleRole role, String originIp, String requestId) {

    public ConsoleCaller {
        if (username == null || role == null) {
            throw new IllegalArgumentException("a console caller has a user name and a role");
        }
    }

    /** Refuses the action unless the caller's role allows it. */
    public ConsoleCaller require(ConsoleAction action) {
        if (!role.may(action)) {
            throw new NotPermittedException(role, action);
        }
        return this;
    }

    public AuditContext audit() {
        return new AuditContext(Actor.consoleUser(username), originIp, requestId);
    }
}
