package io.tillpoint.batch.settlement;

import io.tillpoint.application.SettlementService;
import io.tillpoint.application.SettlementSettings;
import io.tillpoint.domain.model.settlement.SettlementRun;
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
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Every {@code tillpoint.settlement.interval-ms} (30 s) on every instance: records the run of the
 * latest daily cut-off (one row per cut-off: the first instance creates it, the others find it), and
 * starts each unfinished run that no live instance holds. The timer only says when to look; who runs a
 * run is the database lease's to say, so a run survives the loss of the instance that ran it: its lease
 * runs out and the next look of any instance takes it over.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettlementSchedule {

    private static final Logger LOG = Logger.getLogger(SettlementSchedule.class.getName());

    @Resource
    TimerService timers;

    @EJB
    SettlementService settlements;

    @EJB
    SettlementRunner runner;

    @Inject
    SettlementSettings settings;

    @PostConstruct
    void schedule() {
        long every = settings.intervalMs();
        timers.createIntervalTimer(every, every, new TimerConfig("settlement", false));
    }

    @Timeout
    void look() {
        try {
            if (settings.scheduled()) {
                settlements.scheduledRun();
            }
            Instant now = Instant.now();
            for (SettlementRun run : settlements.unfinishedRuns()) {
                SettlementRun current = runner.refreshed(run);
                if (runner.needsAnInstance(current, now)) {
                    runner.start(current.id()).ifPresent(execution -> LOG.info(() -> "settlement run " + current.id()
                            + " taken by " + settings.owner() + ", execution " + execution));
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not look for settlement runs (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); looking again in " + settings.intervalMs() + " ms");
        }
    }
}
