package io.tillpoint.batch.settlement;

import io.tillpoint.domain.model.settlement.UnsettledTransaction;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** A transaction becomes a settlement item with its fee (the contract's Fees section). */
@Named
@Dependent
public class SettlementFeeProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object item) {
        return ((UnsettledTransaction) item).toItem();
    }
}
