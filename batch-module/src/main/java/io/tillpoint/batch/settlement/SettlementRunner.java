package io.tillpoint.batch.settlement;

import io.tillpoint.application.SettlementService;
import io.tillpoint.application.SettlementSettings;
import io.tillpoint.domain.model.settlement.RunStatus;
import io.tillpoint.domain.model.settlement.SettlementRun;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts the settlement job for a run, once across instances: only the instance that takes the run's
 * database lease starts it, and the job's chunks renew the lease. A run whose job failed or stopped is
 * restarted from its last checkpoint; a run whose instance died (its execution left STARTED in the job
 * repository, its lease run out) gets a new execution, which skips what is settled already. Outside
 * any transaction: JBatch must start jobs outside one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettlementRunner {

    public static final String JOB = "settlement";
    private static final Logger LOG = Logger.getLogger(SettlementRunner.class.getName());
    private static final Set<BatchStatus> ENDED_BADLY = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.ABANDONED);

    @EJB
    SettlementService settlements;

    @Inject
    SettlementSettings settings;

    /**
     * Starts (or restarts) the run's job when this instance takes its lease: the execution, or empty
     * when another live instance works on it or it is completed.
     */
    public Optional<Long> start(String runId) {
        SettlementRun run = refreshed(settlements.run(runId));
        if (run.status() == RunStatus.COMPLETED || !settlements.takeLease(runId)) {
            return Optional.empty();
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties parameters = new Properties();
        parameters.setProperty("runId", runId);
        parameters.setProperty("owner", settings.owner());
        long execution;
        try {
            BatchStatus last = run.executionId() == null ? null : batchStatus(run.executionId());
            if (last != null && ENDED_BADLY.contains(last)) {
                execution = operator.restart(run.executionId(), parameters);
                LOG.info(() -> "settlement run " + runId + " restarted from its last checkpoint, execution " + execution);
            } else {
                execution = operator.start(JOB, parameters);
                LOG.info(() -> "settlement run " + runId + " (cut-off " + run.cutoff() + ") started, execution "
                        + execution);
            }
        } catch (RuntimeException e) {
            settlements.recordFailed(runId, "the job could not be started (see the server log)");
            throw e;
        }
        settlements.recordStarted(runId, execution);
        return Optional.of(execution);
    }

    /**
     * The run as it is now: a run marked started whose execution failed or stopped is recorded as
     * failed (the job repository knows first).
     */
    public SettlementRun refreshed(SettlementRun run) {
        if (run.status() == RunStatus.STARTED && run.executionId() != null) {
            BatchStatus status = batchStatus(run.executionId());
            if (status != null && ENDED_BADLY.contains(status)) {
                settlements.recordFailed(run.id(), "job execution " + run.executionId() + " ended " + status);
                return settlements.run(run.id());
            }
        }
        return run;
    }

    /** Whether the run needs an instance: asked for and not started, or started by one whose lease ran out. */
    public boolean needsAnInstance(SettlementRun run, Instant now) {
        return switch (run.status()) {
            case REQUESTED -> true;
            case STARTED -> run.leaseUntil() == null || run.leaseUntil().isBefore(now);
            default -> false;
        };
    }

    /** The steps of the run's current execution: name, status, items read and written, commits. */
    public List<StepProgress> steps(SettlementRun run) {
        if (run.executionId() == null) {
            return List.of();
        }
        try {
            return BatchRuntime.getJobOperator().getStepExecutions(run.executionId()).stream()
                    .map(SettlementRunner::progress).toList();
        } catch (NoSuchJobExecutionException e) {
            return List.of();
        }
    }

    private static StepProgress progress(StepExecution step) {
        long read = 0;
        long written = 0;
        long commits = 0;
        if (step.getMetrics() != null) {
            for (var m : step.getMetrics()) {
                switch (m.getType()) {
                    case READ_COUNT -> read = m.getValue();
                    case WRITE_COUNT -> written = m.getValue();
                    case COMMIT_COUNT -> commits = m.getValue();
                    default -> {
                    }
                }
            }
        }
        return new StepProgress(step.getStepName(), step.getBatchStatus().name(), read, written, commits);
    }

    /** One step's progress as the job repository records it. */
    public record StepProgress(String name, String status, long read, long written, long commits) {
    }

    private static BatchStatus batchStatus(long executionId) {
        try {
            JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(executionId);
            return execution.getBatchStatus();
        } catch (NoSuchJobExecutionException e) {
            return null;
        }
    }
}
