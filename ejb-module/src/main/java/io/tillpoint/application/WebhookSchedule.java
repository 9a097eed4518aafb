package io.tillpoint.application;

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
import java.util.logging.Logger;

/**
 * Every {@code tillpoint.webhook.interval-ms} (1 s) on every instance: claims the deliveries that
 * are due (retries, and any whose sender died or found no free slot) as far as this instance has
 * free senders. What is due and who sends it is decided in the database, so no delivery is sent by
 * two instances at once and one that dies takes nothing with it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSchedule {

    private static final Logger LOG = Logger.getLogger(WebhookSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSettings settings;

    @PostConstruct
    void schedule() {
        long every = settings.intervalMs();
        timers.createIntervalTimer(every, every, new TimerConfig("webhook-deliveries", false));
    }

    @Timeout
    void look() {
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not look for due webhook deliveries (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); looking again in " + settings.intervalMs() + " ms");
        }
    }
}
