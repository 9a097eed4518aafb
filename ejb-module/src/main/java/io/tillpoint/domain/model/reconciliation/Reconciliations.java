package io.tillpoint.domain.model.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: reconciliation runs, our side of a day, and the exceptions, on the caller's transaction's connection. */
public interface Reconciliations {

    void addRun(ReconciliationRun run);

    Optional<ReconciliationRun> run(String id);

    void recordStarted(String runId, long executionId);

    void recordDone(String runId, int fileRows, int ourTransactions, int exceptions, Instant at);

    void recordFailed(String runId, String failure);

    /** Our captures and refunds booked on {@code day} (UTC), with the acquirer's reference of their payment. */
    List<ClearedTransaction> oursOn(LocalDate day);

    void addException(String runId, LocalDate day, Mismatch mismatch, Instant at);

    List<ReconciliationException> exceptions(String status, String runId, String startingAfter, int limit);

    Optional<ReconciliationException> exception(String id);

    /** Resolves an open exception; false when it was not open. */
    boolean resolve(String id, String by, String reason, Instant at);
}
