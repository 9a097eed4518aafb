package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.model.payment.PaymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Application metrics on /metrics: {@code tillpoint_payments_total{status=...}} counts
 * payments by the status each request left them in; {@code tillpoint_payment_create_seconds}
 * is the latency of payment creation; {@code tillpoint_refunds_total} counts refunds.
 */
@ApplicationScoped
public class PaymentMetrics {

    @Inject
    MetricRegistry registry;

    void created(PaymentStatus status, long nanos) {
        registry.timer("tillpoint_payment_create").update(Duration.ofNanos(nanos));
        changed(status);
    }

    void changed(PaymentStatus status) {
        registry.counter("tillpoint_payments", new Tag("status", status.apiName())).inc();
    }

    void refunded() {
        registry.counter("tillpoint_refunds").inc();
    }
}
