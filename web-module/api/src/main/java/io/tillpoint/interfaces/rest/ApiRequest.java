package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;

/** What the filters learned about a request: its id and its body, read before it works. */
public final class ApiRequest {

    static final String REQUEST_ID = "tillpoint.request-id";
    static final String BODY = "tillpoint.body";
    /** Set when the body was over 64 KiB: it was not kept, and the answer is 413. */
    static final String BODY_TOO_LARGE = "tillpoint.body-too-large";
    static final String STARTED = "tillpoint.started";
    /** The body as a {@link JsonBody}, once a filter parsed it. */
    static final String PARSED = "tillpoint.body.parsed";

    private ApiRequest() {
    }

    public static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    public static byte[] body(HttpServletRequest request) {
        Object body = request.getAttribute(BODY);
        return body == null ? new byte[0] : (byte[]) body;
    }

    /** The body as a JSON object; an empty body is an empty object when {@code required} is false. */
    public static JsonBody json(HttpServletRequest request, boolean required) {
        byte[] body = body(request);
        if (body.length == 0) {
            if (required) {
                throw new InvalidInputException(null, "A JSON request body is required");
            }
            return JsonBody.empty();
        }
        requireJsonContentType(request);
        return request.getAttribute(PARSED) instanceof JsonBody parsed ? parsed : JsonBody.parse(body);
    }

    static void requireJsonContentType(HttpServletRequest request) {
        String type = request.getContentType();
        MediaType media;
        try {
            media = type == null ? null : MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            media = null;
        }
        // A wildcard is "compatible" with JSON, but a body that says */* says nothing.
        if (media == null || media.isWildcardType() || media.isWildcardSubtype()
                || !media.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new UnsupportedMediaType("application/json");
        }
    }
}
