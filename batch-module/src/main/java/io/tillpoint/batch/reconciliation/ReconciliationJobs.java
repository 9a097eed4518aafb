package io.tillpoint.batch.reconciliation;

import io.tillpoint.application.ReconciliationService;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;

/** Starts the reconciliation job of a run, outside any transaction (JBatch starts jobs only there). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationJobs {

    public static final String JOB = "reconciliation";

    @EJB
    ReconciliationService reconciliation;

    public long start(String runId) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", runId);
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        reconciliation.recordStarted(runId, execution);
        return execution;
    }
}
