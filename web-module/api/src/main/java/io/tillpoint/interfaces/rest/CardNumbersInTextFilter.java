package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a request that carries a card number where none belongs ({@link CardNumbersInRequest}):
 * in its path parameters, its query parameters or its JSON body. It runs once the caller is known
 * and before the idempotency filter, so a refused request leaves nothing behind: no idempotency
 * record, no payment. The parsed body is kept with the request for the resource
 * ({@link ApiRequest#json}), so the body is parsed once for both.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 500)
public class CardNumbersInTextFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        CardNumbersInRequest.refuseInParameters(request.getUriInfo().getPathParameters());
        CardNumbersInRequest.refuseInParameters(request.getUriInfo().getQueryParameters());
        byte[] body = (byte[]) request.getProperty(ApiRequest.BODY);
        if (body == null || body.length == 0 || !isJson(request)) {
            return;
        }
        JsonBody parsed;
        try {
            parsed = JsonBody.parse(body);
        } catch (InvalidInputException malformed) {
            return; // the resource refuses it, without echoing any of it
        }
        CardNumbersInRequest.refuseInBody(parsed.object());
        request.setProperty(ApiRequest.PARSED, parsed);
    }

    private static boolean isJson(ContainerRequestContext request) {
        try {
            MediaType type = request.getMediaType();
            return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (RuntimeException malformedContentType) {
            return false; // the resource answers 415
        }
    }
}
