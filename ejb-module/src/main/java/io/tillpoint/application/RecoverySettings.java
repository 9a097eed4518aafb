package io.tillpoint.application;

import io.tillpoint.domain.model.recovery.RecoveryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The recovery policy from configuration (each key also from the environment, e.g.
 * {@code TILLPOINT_RECOVERY_DELAY_MS}). The delay is never shorter than the acquirer timeout
 * plus a second, so recovery never inquires about an attempt whose request is still waiting
 * for its answer; the lease covers the longest a worker can take over a page of claims (two
 * acquirer calls per follow-up) with room to spare.
 */
@ApplicationScoped
public class RecoverySettings {

    private static final long MARGIN_MS = 1000;

    @Inject
    @ConfigProperty(name = "tillpoint.recovery.delay-ms", defaultValue = "30000")
    long delayMs;

    @Inject
    @ConfigProperty(name = "tillpoint.recovery.retry-ms", defaultValue = "10000")
    long retryMs;

    @Inject
    @ConfigProperty(name = "tillpoint.recovery.max-retry-ms", defaultValue = "600000")
    long maxRetryMs;

    @Inject
    @ConfigProperty(name = "tillpoint.recovery.warn-after", defaultValue = "5")
    int warnAfter;

    @Inject
    @ConfigProperty(name = "tillpoint.acquirer.timeout-ms", defaultValue = "5000")
    long acquirerTimeoutMs;

    @Inject
    @ConfigProperty(name = "tillpoint.recovery.interval-ms", defaultValue = "5000")
    long intervalMs;

    private RecoveryPolicy policy;

    @Produces
    RecoveryPolicy policy() {
        if (policy == null) {
            long floor = acquirerTimeoutMs + MARGIN_MS;
            policy = new RecoveryPolicy(Duration.ofMillis(Math.max(delayMs, floor)), Duration.ofMillis(retryMs),
                    Duration.ofMillis(Math.max(maxRetryMs, retryMs)), warnAfter,
                    Duration.ofMillis(RecoveryService.CLAIM_PAGE * 2 * acquirerTimeoutMs + 30_000));
        }
        return policy;
    }

    /** How often each instance looks for due recovery work (at least every 200 ms). */
    public long intervalMs() {
        return Math.max(200, intervalMs);
    }

    /** How long a request waits for the acquirer's answer before the outcome is UNKNOWN. */
    public long acquirerTimeoutMs() {
        return acquirerTimeoutMs;
    }
}
