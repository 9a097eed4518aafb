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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import io.tillpoint.domain.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.Principal;

/**
 * First and last on every API request: gives it a request id (the caller's
 * {@code X-Request-Id} when it is sane and holds no card number), hands JAX-RS the body that
 * {@link AdmissionFilter} read (up to 64 KiB; 413 beyond), refuses text with a NUL character in it
 * ({@link NulCharacters}), and writes one structured access-log line: never a body, card numbers
 * in the path masked to their first six and last four digits, so never card data, and never a
 * line break from the request ({@link AccessLog}).
 */
@PreMatching
@Priority(100)
@jakarta.ws.rs.ext.Provider
public class RequestFilter implements ContainerRequestFilter, ContainerResponseFilter {

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
        if (Boolean.TRUE.equals(request.getProperty(ApiRequest.BODY_TOO_LARGE))) {
            throw new PayloadTooLarge();
        }
        byte[] body = (byte[]) request.getProperty(ApiRequest.BODY);
        if (body == null) {
            // Not read by the admission filter (a request that came around it): read it here, by the same rule.
            RequestBody read = RequestBody.read(request.getEntityStream(), request.getLength());
            if (read.tooLarge()) {
                throw new PayloadTooLarge();
            }
            body = read.bytes();
            request.setProperty(ApiRequest.BODY, body);
        }
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException(null, "The query string is not valid percent-encoded text");
        }
        NulCharacters.refuseInQuery(query);
        NulCharacters.refuseInBody(body, isForm(request.getHeaderString("Content-Type")));
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static boolean isForm(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.valueOf(contentType);
            return type != null && !type.isWildcardType() && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        } catch (IllegalArgumentException malformed) {
            return false;
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
