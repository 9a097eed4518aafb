package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.model.card.CardNumbersInText;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

/**
 * First and last on every API request: gives it a request id (the caller's
 * {@code X-Request-Id} when it is sane), buffers the body up to 64 KiB (413 beyond), and
 * writes one structured access-log line: never a body, and card numbers in the path masked to
 * their first six and last four digits, so never card data.
 */
@PreMatching
@Priority(100)
@jakarta.ws.rs.ext.Provider
public class RequestFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final int MAX_BODY = 64 * 1024;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String incoming = request.getHeaderString("X-Request-Id");
        // A caller's id is logged and echoed: one that holds a card number is not taken.
        String requestId = incoming != null && incoming.matches("[A-Za-z0-9._-]{1,64}")
                && !CardNumbersInText.contains(incoming) ? incoming : io.tillpoint.domain.shared.Ids.newId("req");
        request.setProperty(ApiRequest.REQUEST_ID, requestId);
        request.setProperty(ApiRequest.STARTED, System.nanoTime());
        if (request.getLength() > MAX_BODY) {
            drain(request.getEntityStream());
            throw new PayloadTooLarge();
        }
        if (request.hasEntity()) {
            byte[] body = readAtMost(request.getEntityStream(), MAX_BODY);
            request.setProperty(ApiRequest.BODY, body);
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                drain(in);
                throw new PayloadTooLarge();
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops up to 1 MiB of an over-sized body, so that a client that sends its whole
     * body before reading the answer (java.net.http does) gets the 413 instead of a stalled
     * connection. Larger bodies are not read: the connection is closed on them.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = 1024 * 1024;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
            left -= n;
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(ApiRequest.REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().putSingle("X-Request-Id", requestId);
        }
        if (!AccessLog.enabled()) {
            return;
        }
        Object started = request.getProperty(ApiRequest.STARTED);
        long micros = started == null ? -1 : (System.nanoTime() - (Long) started) / 1000;
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        AccessLog.write("request_id=" + requestId
                + " method=" + request.getMethod()
                + " path=/" + CardNumbersInText.mask(request.getUriInfo().getPath())
                + " status=" + response.getStatus()
                + " duration_ms=" + (micros / 1000.0)
                + " client=" + (caller == null ? "-" : caller.getName())
                + (response.getHeaderString("Idempotent-Replayed") != null ? " replayed=true" : ""));
    }
}
