package io.tillpoint.application;

import io.tillpoint.domain.model.console.PaymentStatistics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the dashboard's hourly summaries current: every {@code tillpoint.dashboard.refresh-ms}
 * (60 s) one instance rebuilds the hours of the last {@code tillpoint.dashboard.settle-hours} (48)
 * from the payments, in one transaction. Payments change their outcome (approved, declined,
 * pending) within minutes, reviews within hours; older hours stay as they were last built. The
 * first refresh on a database without summaries builds them from the oldest payment on.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DashboardRefresh {

    private static final Logger LOG = Logger.getLogger(DashboardRefresh.class.getName());

    @Resource
    TimerService timers;

    @Inject
    PaymentStatistics statistics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tillpoint.dashboard.refresh-ms", defaultValue = "60000")
    long refreshMs;

    @Inject
    @ConfigProperty(name = "tillpoint.dashboard.settle-hours", defaultValue = "48")
    long settleHours;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(Math.min(refreshMs, 5_000), refreshMs, new TimerConfig("dashboard-refresh", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void refresh() {
        try {
            Instant recent = clock.now().minus(Duration.ofHours(settleHours));
            Instant first = statistics.firstBuild();
            Instant since = first != null && first.isBefore(recent) ? first : recent;
            long started = System.nanoTime();
            if (statistics.refresh(since)) {
                LOG.fine(() -> "dashboard summaries rebuilt from " + since + " in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not refresh the dashboard's summaries (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); trying again in " + refreshMs + " ms");
        }
    }
}
