package io.tillpoint.domain.model.recovery;

import io.tillpoint.domain.model.acquiring.OperationKind;

/** What a follow-up asks of the acquirer. */
public enum FollowUpKind {
    /** An authorization whose answer we do not have: inquire. */
    AUTHORIZATION(null),
    CAPTURE(OperationKind.CAPTURE),
    VOID(OperationKind.VOID),
    REFUND(OperationKind.REFUND),
    REVERSAL(OperationKind.REVERSAL);

    private final OperationKind operation;

    FollowUpKind(OperationKind operation) {
        this.operation = operation;
    }

    /** The operation sent again for this kind; null for an authorization, which is inquired about. */
    public OperationKind operation() {
        return operation;
    }

    public static FollowUpKind of(OperationKind operation) {
        return valueOf(operation.name());
    }
}
