package io.tillpoint.domain.model.settlement;

import java.util.Locale;

/**
 * Where a settlement run is: requested (no instance works on it yet), started (an instance holds its
 * lease and runs the job), completed, or failed (its job failed; a restart goes on from where it
 * stopped). The contract shows {@code requested} as {@code started}.
 */
public enum RunStatus {
    REQUESTED,
    STARTED,
    COMPLETED,
    FAILED;

    public String wire() {
        return this == REQUESTED ? "started" : name().toLowerCase(Locale.ROOT);
    }
}
