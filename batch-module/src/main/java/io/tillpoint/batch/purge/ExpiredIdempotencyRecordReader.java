package io.tillpoint.batch.purge;

import io.tillpoint.application.IdempotencyRetention;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the ids of idempotency records older than the retention (48 hours by default,
 * never less than the contract's 24), oldest first, a page at a time. The checkpoint is
 * the cut-off instant, so a restarted job simply reads what is still there.
 */
@Named
@Dependent
public class ExpiredIdempotencyRecordReader extends AbstractItemReader {

    static final Duration MINIMUM_RETENTION = Duration.ofHours(24);
    private static final int PAGE = 500;

    @Inject
    @BatchProperty(name = "retentionHours")
    String retentionHours;

    @EJB
    IdempotencyRetention retention;

    private Instant cutoff;
    private final Deque<String> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        cutoff = checkpoint instanceof Instant saved ? saved : cutoff(retentionHours, Instant.now());
    }

    static Instant cutoff(String retentionHours, Instant now) {
        Duration retention = Duration.ofHours(retentionHours == null || retentionHours.isBlank()
                ? 48 : Long.parseLong(retentionHours.strip()));
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            retention = MINIMUM_RETENTION;
        }
        return now.minus(retention);
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(retention.expiredBefore(cutoff, PAGE));
            exhausted = page.size() < PAGE;
        }
        return page.poll();
    }

    @Override
    public Serializable checkpointInfo() {
        return cutoff;
    }
}
