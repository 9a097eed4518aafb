package io.tillpoint.domain.model.reconciliation;

/** One exception: its kind and the transaction as each side has it (null where that side has none). */
public record Mismatch(ExceptionKind kind, ClearedTransaction ours, ClearedTransaction theirs) {

    /** The acquirer's reference of whichever side has the transaction. */
    public String acquirerReference() {
        return ours != null ? ours.acquirerReference() : theirs.acquirerReference();
    }

    public String type() {
        return ours != null ? ours.type() : theirs.type();
    }
}
