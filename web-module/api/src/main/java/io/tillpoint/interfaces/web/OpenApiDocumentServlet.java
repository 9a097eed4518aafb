package io.tillpoint.interfaces.web;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.interfaces.rest.Problem;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * /openapi: the API's OpenAPI document exactly as written (META-INF/openapi.yaml, and its JSON
 * form META-INF/openapi.json, which OpenApiDocumentTest keeps equal to it). YAML by default, JSON
 * for {@code Accept: application/json} or {@code ?format=json}.
 *
 * <p>Mapped in web.xml on /openapi/*, which keeps Payara's own MicroProfile OpenAPI servlet off
 * the path (it adds its mapping only where nothing else has it): Payara's document is built from
 * the resource classes, whose {@code Response} and {@code JsonObject} answers no scanner can
 * describe, and it carries a member of Payara's own ({@code endpoints}) that makes it invalid
 * OpenAPI for strict tools such as OpenAPI Generator. Who may read it: {@link OperatorEndpointsFilter}.
 */
public class OpenApiDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private byte[] yaml;
    private byte[] json;

    @Override
    public void init() throws ServletException {
        yaml = resource("/META-INF/openapi.yaml");
        json = resource("/META-INF/openapi.json");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path != null && !path.equals("/")) {
            Problem.send(response, 404, "Nothing here: the document is /openapi", "resource_missing", Ids.newId("req"));
            return;
        }
        boolean asJson = wantsJson(request.getParameter("format"), request.getHeader("Accept"));
        byte[] body = asJson ? json : yaml;
        response.setContentType(asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** JSON when the query says {@code format=json}, or the Accept header names JSON and not YAML. */
    static boolean wantsJson(String format, String accept) {
        if (format != null && !format.isEmpty()) {
            return format.equalsIgnoreCase("json");
        }
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return a.contains("json") && !a.contains("yaml");
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpenApiDocumentServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the API's classes");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
