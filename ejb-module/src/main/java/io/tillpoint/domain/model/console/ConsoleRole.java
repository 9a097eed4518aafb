package io.tillpoint.domain.model.console;

import static io.tillpoint.domain.model.console.ConsoleAction.*;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The five console roles and what each may do. The one table of permissions: the console shows
 * only what a role may do, and the application services refuse the rest.
 */
public enum ConsoleRole {
    ADMIN("admin", EnumSet.allOf(ConsoleAction.class)),
    OPERATOR("operator", EnumSet.of(VIEW_DASHBOARD, VIEW_PAYMENTS, CAPTURE, VOID, REFUND, APPROVE_REFUND,
            VIEW_MERCHANTS, MANAGE_MERCHANTS, MANAGE_CREDENTIALS, REPLAY_DEAD_LETTERS, VIEW_WEBHOOKS,
            REDELIVER_WEBHOOKS, VIEW_SETTLEMENTS, MANAGE_SETTLEMENTS, VIEW_AUDIT)),
    RISK_ANALYST("risk_analyst", EnumSet.of(VIEW_DASHBOARD, VIEW_PAYMENTS, REVIEW_PAYMENTS, MANAGE_RISK,
            REPLAY_DEAD_LETTERS, VIEW_MERCHANTS, VIEW_AUDIT)),
    FINANCE("finance", EnumSet.of(VIEW_DASHBOARD, VIEW_PAYMENTS, REFUND, APPROVE_REFUND, VIEW_MERCHANTS,
            VIEW_SETTLEMENTS, MANAGE_SETTLEMENTS, VIEW_AUDIT)),
    /** Answers merchants: sees payments, merchants and webhooks, redelivers a webhook, moves no money. */
    SUPPORT("support", EnumSet.of(VIEW_DASHBOARD, VIEW_PAYMENTS, VIEW_MERCHANTS, VIEW_WEBHOOKS, REDELIVER_WEBHOOKS));

    private final String wire;
    private final Set<ConsoleAction> allowed;

    ConsoleRole(String wire, Set<ConsoleAction> allowed) {
        this.wire = wire;
        this.allowed = allowed;
    }

    public String wire() {
        return wire;
    }

    public boolean may(ConsoleAction action) {
        return allowed.contains(action);
    }

    public static ConsoleRole ofWire(String wire) {
        for (ConsoleRole r : values()) {
            if (r.wire.equals(wire)) {
                return r;
            }
        }
        throw new InvalidInputException("role", "must be one of admin, operator, risk_analyst, finance, support");
    }
}
