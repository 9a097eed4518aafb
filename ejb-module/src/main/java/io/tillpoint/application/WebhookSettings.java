package io.tillpoint.application;

import io.tillpoint.domain.model.webhook.HostResolver;
import io.tillpoint.domain.model.webhook.ReceiverAddresses;
import io.tillpoint.domain.model.webhook.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks are sent, from configuration (each key also from the environment, e.g.
 * {@code TILLPOINT_WEBHOOK_ALLOW_PRIVATE}): which addresses they may reach, how long one attempt
 * may take, the retry schedule, how often each instance looks for due deliveries and how many it
 * sends at once. A claimed delivery's lease covers twice the attempt's time limit with room to
 * spare, so no claim runs out while its sender still works on it.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "tillpoint.webhook.allow-private", defaultValue = "false")
    boolean allowPrivate;

    @Inject
    @ConfigProperty(name = "tillpoint.webhook.timeout-ms", defaultValue = "5000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "tillpoint.webhook.retry-ms", defaultValue = "10000")
    long retryMs;

    @Inject
    @ConfigProperty(name = "tillpoint.webhook.max-retry-ms", defaultValue = "3600000")
    long maxRetryMs;

    @Inject
    @ConfigProperty(name = "tillpoint.webhook.give-up-after-ms", defaultValue = "86400000")
    long giveUpAfterMs;

    @Inject
    @ConfigProperty(name = "tillpoint.webhook.interval-ms", defaultValue = "1000")
    long intervalMs;

    @Inject
    @ConfigProperty(name = "tillpoint.webhook.senders", defaultValue = "8")
    int senders;

    private RetrySchedule schedule;

    /** True when webhooks may go to loopback and private addresses (never to metadata services). */
    public boolean allowPrivate() {
        return allowPrivate;
    }

    @Produces
    ReceiverAddresses receiverAddresses(HostResolver resolver) {
        return new ReceiverAddresses(resolver, allowPrivate);
    }

    /** The time limit of one attempt, from connecting to the end of the answer (100 ms to 60 s). */
    public Duration timeout() {
        return Duration.ofMillis(Math.max(100, Math.min(timeoutMs, 60_000)));
    }

    public RetrySchedule schedule() {
        if (schedule == null) {
            long first = Math.max(100, retryMs);
            schedule = new RetrySchedule(Duration.ofMillis(first), Duration.ofMillis(Math.max(maxRetryMs, first)),
                    Duration.ofMillis(Math.max(giveUpAfterMs, first)));
        }
        return schedule;
    }

    /** How often each instance looks for due deliveries (at least every 100 ms). */
    public long intervalMs() {
        return Math.max(100, intervalMs);
    }

    /** How many deliveries one instance sends at once (1 to 64). */
    public int senders() {
        return Math.max(1, Math.min(senders, 64));
    }

    /** How long a claimed delivery is a sender's before another may take it. */
    public Duration lease() {
        return timeout().multipliedBy(2).plusSeconds(10);
    }
}
