package io.tillpoint.interfaces.web;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.interfaces.rest.Problem;
import io.tillpoint.interfaces.rest.Roles;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * /metrics and /openapi (the server's own endpoints, served in this web module; mapped in
 * web.xml) are for platform operators: they answer a platform-admin bearer token (401 without a
 * verified token, 403 for a merchant's), unless the operator made them public:
 * {@code tillpoint.metrics.public} and {@code tillpoint.openapi.public} (environment
 * {@code TILLPOINT_METRICS_PUBLIC}, {@code TILLPOINT_OPENAPI_PUBLIC}), both false by default.
 * The metrics tell how busy a merchant's gateway is and the OpenAPI document every endpoint an
 * attacker could try; a scraper gets a token as every client does (client credentials).
 * {@code /health} stays open: load balancers ask it, and it says nothing but UP or DOWN.
 */
public class OperatorEndpointsFilter extends HttpFilter {

    static final String METRICS = "/metrics";
    static final String OPENAPI = "/openapi";

    @Inject
    @ConfigProperty(name = "tillpoint.metrics.public", defaultValue = "false")
    boolean metricsPublic;

    @Inject
    @ConfigProperty(name = "tillpoint.openapi.public", defaultValue = "false")
    boolean openApiPublic;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isPublic(pathOf(request))) {
            chain.doFilter(request, response);
            return;
        }
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"tillpoint\"");
            Problem.send(response, 401, "A platform operator's bearer token is required (Authorization: Bearer <token>)",
                    "unauthorized", Ids.newId("req"));
            return;
        }
        if (!isPlatformOperator(caller, request)) {
            Problem.send(response, 403, "Only platform operators may read this", "forbidden", Ids.newId("req"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the operator opened the endpoint at {@code path} to everybody. */
    boolean isPublic(String path) {
        if (startsSegment(path, METRICS)) {
            return metricsPublic;
        }
        if (startsSegment(path, OPENAPI)) {
            return openApiPublic;
        }
        return false; // mapped to something else by mistake: closed, not open
    }

    private static boolean startsSegment(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static boolean isPlatformOperator(Principal caller, HttpServletRequest request) {
        if (caller instanceof JsonWebToken jwt) {
            Set<String> groups = jwt.getGroups();
            return groups != null && groups.contains(Roles.PLATFORM_ADMIN);
        }
        return request.isUserInRole(Roles.PLATFORM_ADMIN);
    }
}
