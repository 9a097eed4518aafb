package io.tillpoint.interfaces.lifecycle;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.interfaces.rest.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * First on every request of the web module (mapped in web.xml, ahead of every other filter):
 * until the API is ready, and from the moment it stops, a request is answered
 * {@code 503 service_unavailable} with {@code Retry-After} before anything happened, so retrying
 * it (with the same idempotency key) is safe; never a 404 or a 500 that a client would take as
 * final. While stopping, the answer also closes the connection ({@code Connection: close}), so
 * the client's next attempt opens a new one, to another instance or to this one once it is back.
 */
public class ServiceStateFilter extends HttpFilter {

    /** Seconds a client should wait before it tries again. */
    static final String RETRY_AFTER = "1";

    /** The deployment's state; another one in tests. */
    ServiceState state = ServiceState.current();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!state.enter()) {
            refuse(response, state.phase());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            state.leave();
        }
    }

    static void refuse(HttpServletResponse response, ServiceState.Phase phase) throws IOException {
        boolean stopping = phase == ServiceState.Phase.STOPPING;
        response.setHeader("Retry-After", RETRY_AFTER);
        if (stopping) {
            response.setHeader("Connection", "close");
        }
        Problem.send(response, 503, stopping
                ? "The gateway is shutting down; nothing was done, retry after a second"
                : "The gateway is starting; nothing was done, retry after a second",
                "service_unavailable", Ids.newId("req"));
    }
}
