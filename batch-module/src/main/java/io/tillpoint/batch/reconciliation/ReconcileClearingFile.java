package io.tillpoint.batch.reconciliation;

import io.tillpoint.application.ReconciliationService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Matches the run's day; a failure is recorded on the run (in a transaction of its own) and fails the job. */
@Named
@Dependent
public class ReconcileClearingFile extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @EJB
    ReconciliationService reconciliation;

    @Override
    public String process() {
        try {
            return "EXCEPTIONS " + reconciliation.reconcile(runId);
        } catch (RuntimeException e) {
            reconciliation.recordFailed(runId, e instanceof IllegalStateException || e instanceof IllegalArgumentException
                    ? e.getMessage() : "the reconciliation failed (see the server log)");
            throw e;
        }
    }
}
