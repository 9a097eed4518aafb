package io.tillpoint.domain.model.reconciliation;

import java.util.Locale;

/** What a reconciliation found wrong with one transaction. */
public enum ExceptionKind {
    /** In the acquirer's file, not in our books. */
    MISSING_OURS,
    /** In our books, not in the acquirer's file. */
    MISSING_THEIRS,
    AMOUNT_MISMATCH,
    CURRENCY_MISMATCH,
    /** The same transaction twice in the acquirer's file. */
    DUPLICATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
