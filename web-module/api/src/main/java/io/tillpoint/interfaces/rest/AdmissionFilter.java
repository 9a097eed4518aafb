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
 * Every API request (REST and SOAP) works in its turn ({@link WorkAdmission}). A request that gets no turn
 * within {@value #MAX_WAIT_MS} ms is answered 503 {@code overloaded} with {@code Retry-After}
 * before anything happened, so retrying it (with the same idempotency key) is safe.
 * <p>
 * A request asks for its turn only once it is authenticated and its body is read, so that
 * clients that cannot pay cannot starve those that do. Its bearer token was verified before any
 * filter ran (the API's authentication module runs ahead of the filter chain); here the body
 * is read whole, at most 64 KiB ({@link RequestBody}), while the request holds no turn: a
 * client that trickles its body in keeps only its connection's worker waiting. Then only a
 * signed-in caller, or a client at the token endpoint, waits for a turn. A request without a
 * caller goes on without one, to its 401 (or 404); one with an over-sized body to its 413.
 * <p>
 * On /metrics: {@code tillpoint_api_requests_working} and {@code tillpoint_api_requests_waiting}
 * (gauges) and {@code tillpoint_api_requests_overloaded_total} (the 503s).
 */
@WebFilter(urlPatterns = {"/api/*", "/soap/*"})
public class AdmissionFilter extends HttpFilter {

    static final long MAX_WAIT_MS = 10_000;

    /** The one resource that works for a client without a token: it hands out the tokens. */
    static final String TOKEN_ENDPOINT = "/api/v1/oauth/token";

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
        RequestBody body;
        try {
            body = RequestBody.read(request.getInputStream(), request.getContentLengthLong());
        } catch (IOException unreadable) {
            // A body that breaks off or whose chunked framing is malformed: the client's fault.
            response.setHeader("Connection", "close");
            Problem.send(response, 400, "The request body could not be read", "invalid_request", Ids.newId("req"));
            return;
        }
        if (!body.readToEnd()) {
            response.setHeader("Connection", "close");
        }
        HttpServletRequest buffered = body.attachTo(request);
        if (!worksInATurn(request, body)) {
            chain.doFilter(buffered, response);
            return;
        }
        inTurn(buffered, response, chain);
    }

    /**
     * Whether a request needs a turn: it has a body within the limit, and a caller whose token
     * was verified or it asks the token endpoint for a token. Everything else is answered
     * without work (401, 404, 413).
     */
    static boolean worksInATurn(HttpServletRequest request, RequestBody body) {
        if (body.tooLarge()) {
            return false;
        }
        return request.getUserPrincipal() != null || isTokenEndpoint(request);
    }

    private static boolean isTokenEndpoint(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null) {
            return false;
        }
        String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.equals(TOKEN_ENDPOINT) || path.equals(TOKEN_ENDPOINT + "/");
    }

    private void inTurn(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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
