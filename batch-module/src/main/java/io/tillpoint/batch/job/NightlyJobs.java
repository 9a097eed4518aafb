package io.tillpoint.batch.job;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Housekeeping on a schedule. The purge is idempotent, so it does no harm when several
 * instances of a cluster run it at the same time.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NightlyJobs {

    private static final Logger LOG = Logger.getLogger(NightlyJobs.class.getName());

    @EJB
    BatchJobs jobs;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purgeIdempotencyRecords() {
        long execution = jobs.start(BatchJobs.IDEMPOTENCY_PURGE, new Properties());
        LOG.info(() -> "started idempotency-purge, execution " + execution);
    }
}
