package io.tillpoint.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Recovery on /metrics: {@code tillpoint_recovery_resolved_total{kind=...}} counts follow-ups
 * recovery brought to an end, {@code tillpoint_recovery_retries_total} the tries that brought
 * no answer, and {@code tillpoint_recovery_overdue_total} those among them made after the
 * configured number of tries (each also logged as a warning): an alert belongs on its rate.
 */
@ApplicationScoped
public class RecoveryMetrics {

    @Inject
    MetricRegistry registry;

    private Counter retries;
    private Counter overdue;

    @PostConstruct
    void register() {
        retries = registry.counter("tillpoint_recovery_retries");
        overdue = registry.counter("tillpoint_recovery_overdue");
    }

    void resolved(String kind) {
        registry.counter("tillpoint_recovery_resolved", new Tag("kind", kind)).inc();
    }

    void retried(boolean isOverdue) {
        retries.inc();
        if (isOverdue) {
            overdue.inc();
        }
    }
}
