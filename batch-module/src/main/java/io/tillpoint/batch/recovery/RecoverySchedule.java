package io.tillpoint.batch.recovery;

import io.tillpoint.application.RecoveryService;
import io.tillpoint.application.RecoverySettings;
import io.tillpoint.batch.job.BatchJobs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Every {@code tillpoint.recovery.interval-ms} (5 s by default) on every instance: when some
 * follow-up is due (one index lookup) and this instance has no recovery run going, it starts
 * the payment-recovery job. The timer only says when to look; what is due, and who works on
 * it, is decided in the database, so an instance that dies takes nothing with it: its claims
 * run out and another instance's next run takes them. The same look starts operators' job
 * requests that the instance which took them did not start (it died right after the commit).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecoverySchedule {

    private static final Logger LOG = Logger.getLogger(RecoverySchedule.class.getName());
    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");

    @Resource
    TimerService timers;

    @EJB
    BatchJobs jobs;

    @EJB
    RecoveryService recovery;

    @Inject
    RecoverySettings settings;

    private volatile long lastExecution = -1;

    @PostConstruct
    void schedule() {
        long every = settings.intervalMs();
        timers.createIntervalTimer(every, every, new TimerConfig("payment-recovery", false));
    }

    @Timeout
    void look() {
        try {
            jobs.startLeftUnstarted();
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not look for job requests left unstarted (" + e.getClass().getSimpleName()
                    + "); looking again in " + settings.intervalMs() + " ms");
        }
        try {
            if (lastExecution >= 0 && RUNNING.contains(String.valueOf(jobs.status(lastExecution)))) {
                return;
            }
            if (recovery.workDue()) {
                lastExecution = jobs.start(BatchJobs.PAYMENT_RECOVERY, new Properties());
                LOG.fine(() -> "started payment-recovery, execution " + lastExecution);
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not look for recovery work (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); looking again in " + settings.intervalMs() + " ms");
        }
    }
}
