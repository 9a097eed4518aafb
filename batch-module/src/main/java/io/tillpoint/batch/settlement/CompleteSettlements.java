package io.tillpoint.batch.settlement;

import io.tillpoint.application.SettlementCompletion;
import io.tillpoint.application.SettlementService;
import io.tillpoint.domain.model.settlement.Settlement;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Completes the run's open settlements, each in a transaction of its own, then the run. Killed in the
 * middle, the next execution completes those still open: each settlement is completed exactly once.
 */
@Named
@Dependent
public class CompleteSettlements extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "owner")
    String owner;

    @EJB
    SettlementService settlements;

    @EJB
    SettlementCompletion completion;

    private volatile boolean stopped;

    @Override
    public String process() {
        int completed = 0;
        for (Settlement open : settlements.openSettlements(runId)) {
            if (stopped) {
                return BatchStatus.STOPPED.name();
            }
            if (completion.complete(open.id(), owner).isPresent()) {
                completed++;
            }
        }
        settlements.recordCompleted(runId);
        return "COMPLETED " + completed;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
