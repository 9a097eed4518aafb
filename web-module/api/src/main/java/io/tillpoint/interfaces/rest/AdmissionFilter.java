package io.tillpoint.interfaces.rest;

import io.tillpoint.application.WorkAdmission;
import io.tillpoint.domain.shared.Ids;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Every API request works in its turn ({@link WorkAdmission}). A request that gets no turn
 * within {@value #MAX_WAIT_MS} ms is answered 503 {@code overloaded} with {@code Retry-After}
 * before anything happened, so retrying it (with the same idempotency key) is safe.
 * <p>
 * On /metrics: {@code tillpoint_api_requests_working} and {@code tillpoint_api_requests_waiting}
 * (gauges) and {@code tillpoint_api_requests_overloaded_total} (the 503s).
 */
@WebFilter(urlPatterns = "/api/*")
public class AdmissionFilter extends HttpFilter {

    static final long MAX_WAIT_MS = 10_000;

    /** How long a request waits for a turn: {@value #MAX_WAIT_MS} ms (shorter in tests). */
    long maxWaitMs = MAX_WAIT_MS;

    @Inject
    WorkAdmission admission;

    @Inject
    MetricRegistry metrics;

    @Override
    public void init() {
        metrics.gauge(Metadata.builder().withName("tillpoint_api_requests_working")
                .withDescription("API requests working (CPU, database) at this moment").build(),
                admission, a -> a.size() - a.available());
        metrics.gauge(Metadata.builder().withName("tillpoint_api_requests_waiting")
                .withDescription("API requests waiting for a turn to work at this moment").build(),
                admission, WorkAdmission::waiting);
        metrics.counter(Metadata.builder().withName("tillpoint_api_requests_overloaded")
                .withDescription("API requests answered 503 overloaded (no turn within 10 s)").build());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted;
        try {
            admitted = admission.enter(maxWaitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            metrics.counter("tillpoint_api_requests_overloaded").inc();
            overloaded(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            admission.leave();
        }
    }

    private static void overloaded(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        Problem.send(response, 503, "The gateway is at capacity; nothing was done, retry after a second",
                "overloaded", Ids.newId("req"));
    }
}
