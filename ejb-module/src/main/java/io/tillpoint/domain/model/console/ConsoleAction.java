package io.tillpoint.domain.model.console;

/** What a console user can do; {@link ConsoleRole} says who may. */
public enum ConsoleAction {
    VIEW_DASHBOARD,
    VIEW_PAYMENTS,
    CAPTURE,
    VOID,
    REFUND,
    /** Approve or reject another person's refund above the four-eyes amount. */
    APPROVE_REFUND,
    VIEW_MERCHANTS,
    MANAGE_MERCHANTS,
    MANAGE_CREDENTIALS,
    REVIEW_PAYMENTS,
    MANAGE_RISK,
    REPLAY_DEAD_LETTERS,
    VIEW_WEBHOOKS,
    REDELIVER_WEBHOOKS,
    VIEW_SETTLEMENTS,
    MANAGE_SETTLEMENTS,
    VIEW_AUDIT,
    MANAGE_USERS
}
