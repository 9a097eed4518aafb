package io.tillpoint.interfaces.rest;

import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem details, with the contract's {@code code} and {@code param} members. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tillpoint.io/problems/";

    private Problem() {
    }

    public static JsonObject json(int status, String title, String detail, String code, String param, String requestId) {
        JsonObjectBuilder b = Jsons.object()
                .add("type", TYPE_BASE + code)
                .add("title", title)
                .add("status", status)
                .add("detail", detail == null ? title : detail)
                .add("code", code);
        if (param != null) {
            b.add("param", param);
        } else {
            b.addNull("param");
        }
        if (requestId != null) {
            b.add("request_id", requestId);
        }
        return b.build();
    }

    public static Response response(int status, String title, String detail, String code, String param, String requestId) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(json(status, title, detail, code, param, requestId))
                .build();
    }

    /**
     * Writes the problem straight to a servlet response, for what answers before JAX-RS (error
     * pages, filters); set any further headers first.
     */
    public static void send(HttpServletResponse response, int status, String detail, String code, String requestId)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Request-Id", requestId);
        byte[] body = json(status, titleOf(status), detail, code, null, requestId).toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }

    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "resource_missing";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "request_failed";
        };
    }
}
