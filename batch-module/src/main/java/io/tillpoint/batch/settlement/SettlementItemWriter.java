package io.tillpoint.batch.settlement;

import io.tillpoint.application.SettlementService;
import io.tillpoint.domain.model.settlement.SettlementItem;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Adds one chunk of items to the run's settlements in the chunk's transaction, with the checkpoint. */
@Named
@Dependent
public class SettlementItemWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "owner")
    String owner;

    @EJB
    SettlementService settlements;

    @Override
    public void writeItems(List<Object> items) {
        settlements.record(runId, owner, items.stream().map(SettlementItem.class::cast).toList());
    }
}
