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

    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.start(jobName, parameters);
    }
}
