package io.tillpoint.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's worker, one thread on every instance: it publishes what the outbox holds when a
 * transaction that recorded events commits on this instance ({@link RelaySignal}), after a short
 * linger that lets a burst gather into one round, and at least every sweep interval whatever
 * happened, which also takes the events of an instance that died between its commit and its
 * relay. Rounds follow each other while they come back full. Which instance relays an event does
 * not matter: each round takes rows no other holds ({@link OutboxRelay}). Also purges the
 * consumers' old dedup rows now and then ({@link EventInbox}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());
    static final int ROUND = 250;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    @EJB
    OutboxRelay relay;

    @Inject
    RelaySignal signal;

    @Inject
    EventInbox inbox;

    @Inject
    EventMetrics metrics;

    @Inject
    @ConfigProperty(name = "tillpoint.events.relay-sweep-ms", defaultValue = "1000")
    long sweepMs;

    @Inject
    @ConfigProperty(name = "tillpoint.events.relay-linger-ms", defaultValue = "20")
    long lingerMs;

    @Inject
    @ConfigProperty(name = "tillpoint.events.consumed-retention-hours", defaultValue = "48")
    long retentionHours;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private Thread worker;
    private Instant nextPurge = Instant.now().plus(PURGE_EVERY);

    @PostConstruct
    void start() {
        running = true;
        worker = threads.newThread(this::work);
        worker.setName("tillpoint-event-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work() {
        boolean failing = false;
        while (running) {
            try {
                if (signal.await(sweepMs) && lingerMs > 0) {
                    Thread.sleep(lingerMs);
                }
                int published;
                do {
                    published = relay.relay(ROUND);
                    metrics.relayed(published);
                } while (published == ROUND && running);
                if (failing) {
                    failing = false;
                    LOG.info("the relay publishes events again");
                }
                purgeWhenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                metrics.relayFailed();
                if (!failing) {
                    failing = true;
                    LOG.warning(() -> "could not relay events (" + e + "); they stay in the outbox, trying again every "
                            + sweepMs + " ms");
                }
            }
        }
    }

    private void purgeWhenDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        long purged = inbox.purgeConsumedBefore(now.minus(Duration.ofHours(retentionHours)));
        if (purged > 0) {
            LOG.fine(() -> "purged " + purged + " consumed events older than " + retentionHours + " h");
        }
    }
}
