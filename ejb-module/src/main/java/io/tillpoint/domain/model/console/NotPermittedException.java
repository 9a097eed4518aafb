package io.tillpoint.domain.model.console;

import io.tillpoint.domain.shared.DomainException;

/** A console user's role does not allow the action. */
public class NotPermittedException extends DomainException {

    public NotPermittedException(ConsoleRole role, ConsoleAction action) {
        super("not_permitted", "The role " + role.wire() + " may not " + action.name().toLowerCase().replace('_', ' '));
    }
}
