package io.tillpoint.batch.job;

import io.tillpoint.application.AuditLog;
import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
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

    @EJB
    AuditLog audit;

    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.start(jobName, parameters);
    }

    /**
     * Starts a job an operator asked for, and records {@code job.started} in the audit trail right
     * after (its own transaction: the start itself must run outside one).
     */
    public long startFor(AuditContext context, String jobName, Properties parameters) {
        long execution = start(jobName, parameters);
        AuditSnapshot.Builder after = AuditSnapshot.builder().text("job", jobName);
        parameters.stringPropertyNames().stream().sorted()
                .forEach(name -> after.text(name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT),
                        parameters.getProperty(name)));
        audit.recordDone(context, AuditAction.JOB_STARTED, AuditTarget.jobExecution(execution), null, after.build());
        return execution;
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
