package io.tillpoint.batch.job;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;

/**
 * Starts batch jobs. Outside any transaction: JBatch creates its repository tables lazily,
 * and inside a caller's transaction that creation can be rolled back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchJobs {

    public static final String IDEMPOTENCY_PURGE = "idempotency-purge";
    public static final String PAYMENT_RECOVERY = "payment-recovery";

    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.start(jobName, parameters);
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
