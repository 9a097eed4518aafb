package io.tillpoint.batch.job;

import io.tillpoint.application.JobStarts;
import io.tillpoint.domain.model.job.JobRequest;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts batch jobs. Outside any transaction: JBatch creates its repository tables lazily,
 * and inside a caller's transaction that creation can be rolled back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchJobs {

    private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

    public static final String IDEMPOTENCY_PURGE = "idempotency-purge";
    public static final String PAYMENT_RECOVERY = "payment-recovery";

    /** How long a request may wait for the instance that took it before any instance starts it. */
    static final Duration START_GRACE = Duration.ofSeconds(10);

    @EJB
    JobStarts starts;

    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.start(jobName, parameters);
    }

    /**
     * Starts an operator's request that was committed (see {@link JobStarts}), unless some
     * instance started it or is starting it. A start that fails gives the request back for the
     * next sweep. Returns the execution, or empty when this instance did not start it.
     */
    public Optional<Long> startRequested(String requestId) {
        Optional<JobRequest> claimed = starts.claimStart(requestId);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        JobRequest request = claimed.get();
        Properties parameters = new Properties();
        request.parameters().forEach((name, value) -> parameters.setProperty(JobStarts.jobParameterName(name), value));
        long execution;
        try {
            execution = start(request.job().wire(), parameters);
        } catch (RuntimeException e) {
            starts.releaseClaim(requestId);
            throw e;
        }
        starts.recordStarted(requestId, execution);
        LOG.info(() -> request.job().wire() + " started for " + requestId + " (asked by " + request.requestedBy()
                + "), execution " + execution);
        return Optional.of(execution);
    }

    /** Starts the requests whose instance did not start them in time (it died, or its start failed). */
    public void startLeftUnstarted() {
        for (String requestId : starts.leftUnstarted(START_GRACE)) {
            try {
                startRequested(requestId).ifPresent(execution -> LOG.warning(() -> "job request " + requestId
                        + " was left unstarted by the instance that took it; started here, execution " + execution));
            } catch (RuntimeException e) {
                LOG.warning(() -> "could not start job request " + requestId + " (" + e.getClass().getSimpleName()
                        + "); trying again at the next sweep");
            }
        }
    }

    /** STARTING, STARTED, COMPLETED, FAILED, ... of one execution; null when there is none. */
    public String status(long executionId) {
        try {
            return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus().name();
        } catch (jakarta.batch.operations.NoSuchJobExecutionException e) {
            return null;
        }
    }
}
