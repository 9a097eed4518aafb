package io.tillpoint.batch.purge;

import io.tillpoint.application.IdempotencyRetention;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/** Deletes one chunk of expired idempotency records in the chunk's transaction. */
@Named
@Dependent
public class IdempotencyRecordDeleter extends AbstractItemWriter {

    @EJB
    IdempotencyRetention retention;

    @Override
    public void writeItems(List<Object> ids) {
        retention.delete(ids.stream().map(String.class::cast).toList());
    }
}
