package io.tillpoint.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settlement from configuration (each key also from the environment, e.g.
 * {@code TILLPOINT_SETTLEMENT_CUTOFF_TIME}): the daily cut-off as a local time in a zone, how long
 * an instance's lease on a run lasts without renewal, how often each instance looks for due runs,
 * and this JVM's name as a lease owner.
 */
@ApplicationScoped
public class SettlementSettings {

    /** Unique per JVM start: a restarted instance is a new owner, and waits for its old lease to run out. */
    private static final String OWNER = System.getProperty("com.sun.aas.instanceName", "server") + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    @ConfigProperty(name = "tillpoint.settlement.cutoff-time", defaultValue = "00:00")
    String cutoffTime;

    @Inject
    @ConfigProperty(name = "tillpoint.settlement.zone", defaultValue = "UTC")
    String zone;

    @Inject
    @ConfigProperty(name = "tillpoint.settlement.lease-seconds", defaultValue = "60")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "tillpoint.settlement.interval-ms", defaultValue = "30000")
    long intervalMs;

    @Inject
    @ConfigProperty(name = "tillpoint.settlement.schedule", defaultValue = "true")
    boolean scheduled;

    @Inject
    @ConfigProperty(name = "tillpoint.settlement.chunk-pause-ms", defaultValue = "0")
    long chunkPauseMs;

    /** A pause before each page the job reads: spreads a run's load thinner over time (0: none). */
    public long chunkPauseMs() {
        return Math.max(0, Math.min(chunkPauseMs, 10_000));
    }

    public String owner() {
        return OWNER;
    }

    public Duration lease() {
        return Duration.ofSeconds(Math.max(5, leaseSeconds));
    }

    public long intervalMs() {
        return Math.max(1000, intervalMs);
    }

    public boolean scheduled() {
        return scheduled;
    }

    /** The most recent daily cut-off at or before {@code now}. */
    public Instant lastCutoff(Instant now) {
        return lastCutoff(now, LocalTime.parse(cutoffTime.strip()), ZoneId.of(zone.strip()));
    }

    static Instant lastCutoff(Instant now, LocalTime time, ZoneId zone) {
        ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(time).atZone(zone);
        return (today.toInstant().isAfter(now) ? today.minusDays(1) : today).toInstant();
    }
}
