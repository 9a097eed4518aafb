package io.tillpoint.domain.model.settlement;

import java.time.Instant;

/** One run of the settlement job for one cut-off: who asked, its state and the job execution working on it. */
public record SettlementRun(String id, Instant cutoff, RunStatus status, String requestedBy, Instant requestedAt,
        String owner, Instant leaseUntil, Long executionId, int attempts, Instant startedAt, Instant completedAt,
        String failure) {
}
