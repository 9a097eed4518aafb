package io.tillpoint.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Webhooks on /metrics: {@code tillpoint_webhook_attempts_total{outcome=...}} counts attempts by
 * what they came to: {@code delivered} (a 2xx), {@code retry} (due again on the schedule) and
 * {@code given_up} (the last try of 24 hours failed: an alert belongs on its rate).
 */
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    MetricRegistry registry;

    private Counter delivered;
    private Counter retried;
    private Counter givenUp;

    @PostConstruct
    void register() {
        delivered = registry.counter("tillpoint_webhook_attempts", new Tag("outcome", "delivered"));
        retried = registry.counter("tillpoint_webhook_attempts", new Tag("outcome", "retry"));
        givenUp = registry.counter("tillpoint_webhook_attempts", new Tag("outcome", "given_up"));
    }

    void delivered() {
        delivered.inc();
    }

    void retried() {
        retried.inc();
    }

    void givenUp() {
        givenUp.inc();
    }
}
