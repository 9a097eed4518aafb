package io.tillpoint.batch.settlement;

import io.tillpoint.application.SettlementService;
import io.tillpoint.application.SettlementSettings;
import io.tillpoint.domain.model.settlement.UnsettledTransaction;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the run's unsettled transactions a page at a time in journal id order. The checkpoint is the
 * last journal id read (committed with the chunk that wrote it); a restart goes on after it, and a
 * fresh execution of the same run starts from the first, skipping what is settled already.
 */
@Named
@Dependent
public class UnsettledTransactionReader extends AbstractItemReader {

    static final int PAGE = 500;

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @EJB
    SettlementService settlements;

    @Inject
    SettlementSettings settings;

    private String lastRead;
    private final Deque<UnsettledTransaction> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastRead = checkpoint instanceof String id ? id : null;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            pause(settings.chunkPauseMs());
            String after = lastRead;
            page.addAll(settlements.unsettled(runId, after, PAGE));
            exhausted = page.size() < PAGE;
        }
        UnsettledTransaction next = page.poll();
        if (next != null) {
            lastRead = next.journalId();
        }
        return next;
    }

    private static void pause(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return lastRead;
    }
}
