package io.tillpoint.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First on every request and every error page of the web module (mapped in web.xml, ahead of
 * every other filter, for the REQUEST and ERROR dispatches): whatever answers, the answer says
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser takes a JSON answer for JSON, never for a
 * script or a page;</li>
 * <li>{@code Cache-Control: no-store}: nothing this module answers may be kept by a browser or a
 * proxy (payments, tokens, problems, health and metrics alike);</li>
 * <li>{@code Strict-Transport-Security: max-age=31536000} when the request came over HTTPS: to
 * the server's HTTPS listener, or, when the operator says the proxy in front can be trusted
 * ({@code tillpoint.trust-forwarded-proto}, environment {@code TILLPOINT_TRUST_FORWARDED_PROTO},
 * false by default), to a proxy that says so in {@code X-Forwarded-Proto: https}. Untrusted, the
 * header is a client's claim and changes nothing.</li>
 * </ul>
 * They are set before the rest of the chain runs, so an answer written by a later filter (503
 * while starting, 503 overloaded, 401 for /metrics) carries them too; the error page dispatch,
 * which starts the answer afresh, sets them again (the authentication module's 401 is answered
 * there: it runs before any filter).
 */
public class ResponseHeadersFilter extends HttpFilter {

    static final String ONE_YEAR = "max-age=31536000";

    @Inject
    @ConfigProperty(name = "tillpoint.trust-forwarded-proto", defaultValue = "false")
    boolean trustForwardedProto;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        if (cameOverHttps(request)) {
            response.setHeader("Strict-Transport-Security", ONE_YEAR);
        }
        chain.doFilter(request, response);
    }

    /** Over HTTPS to this server, or to the trusted proxy in front of it. */
    boolean cameOverHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        if (!trustForwardedProto) {
            return false;
        }
        String forwarded = request.getHeader("X-Forwarded-Proto");
        if (forwarded == null) {
            return false;
        }
        // A chain of proxies lists one scheme each; the first is the one the client used.
        int comma = forwarded.indexOf(',');
        String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
        return first.toLowerCase(Locale.ROOT).equals("https");
    }
}
