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
import java.nio.charset.StandardCharsets;

/**
 * Every API request works in its turn ({@link WorkAdmission}). A request that gets no turn
 * within {@value #MAX_WAIT_MS} ms is answered 503 {@code overloaded} with {@code Retry-After}
 * before anything happened, so retrying it (with the same idempotency key) is safe.
 */
@WebFilter(urlPatterns = "/api/*")
public class AdmissionFilter extends HttpFilter {

    static final long MAX_WAIT_MS = 10_000;

    @Inject
    WorkAdmission admission;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted;
        try {
            admitted = admission.enter(MAX_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
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
        String requestId = Ids.newId("req");
        response.setStatus(503);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Request-Id", requestId);
        response.setHeader("Retry-After", "1");
        byte[] body = Problem.json(503, Problem.titleOf(503),
                "The gateway is at capacity; nothing was done, retry after a second", "overloaded", null, requestId)
                .toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
