package io.tillpoint.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Events on /metrics: {@code tillpoint_events_relayed_total} (events this instance published),
 * {@code tillpoint_events_relay_failures_total} (rounds the broker did not take: the events stayed in
 * the outbox), and per consumer {@code tillpoint_events_consumer_failures_total{consumer=...}} (failed
 * tries, each rolled back and delivered again), {@code tillpoint_events_batch_splits_total{consumer=...}}
 * (batches that failed once and were put back as single events) and {@code tillpoint_events_dead_letters_total{consumer=...}}
 * (messages given up on): an alert belongs on the last one.
 */
@ApplicationScoped
public class EventMetrics {

    @Inject
    MetricRegistry registry;

    private Counter relayed;
    private Counter relayFailures;

    @PostConstruct
    void register() {
        relayed = registry.counter("tillpoint_events_relayed");
        relayFailures = registry.counter("tillpoint_events_relay_failures");
    }

    void relayed(int events) {
        relayed.inc(events);
    }

    void relayFailed() {
        relayFailures.inc();
    }

    void consumerFailed(String consumer) {
        registry.counter("tillpoint_events_consumer_failures", new Tag("consumer", consumer)).inc();
    }

    void batchSplit(String consumer) {
        registry.counter("tillpoint_events_batch_splits", new Tag("consumer", consumer)).inc();
    }

    void deadLettered(String consumer) {
        registry.counter("tillpoint_events_dead_letters", new Tag("consumer", consumer)).inc();
    }
}
