package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.Ids;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error pages for what fails before JAX-RS (authentication, unknown paths, container
 * errors): the same problem+json as everywhere else, never an HTML page or a stack trace.
 */
@WebServlet("/problems/*")
public class ProblemServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer i ? i : 404;
        String detail = switch (status) {
            case 401 -> "A valid bearer token is required (Authorization: Bearer <token>)";
            case 403 -> "This token may not do that";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 413 -> "Request body is larger than 64 KiB";
            default -> status >= 500 ? "An internal error occurred" : Problem.titleOf(status);
        };
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"tillpoint\"");
        }
        // A refusal with a code of its own (a suspended merchant's 403) names it on the request.
        String problemCode = request.getAttribute(BearerTokenModule.PROBLEM_CODE) instanceof String named
                ? named : Problem.codeOf(status);
        if (request.getAttribute(BearerTokenModule.PROBLEM_DETAIL) instanceof String d) {
            detail = d;
        }
        if (isSoap(request)) {
            // A SOAP client (a wrong token on /soap/payments) gets a SOAP fault with the same code.
            io.tillpoint.interfaces.soap.SoapRequestFilter.fault(response, status, problemCode, detail);
            return;
        }
        Problem.send(response, status, detail, problemCode, Ids.newId("req"));
    }

    private static boolean isSoap(HttpServletRequest request) {
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return uri instanceof String path && path.startsWith(context + "/soap/");
    }
}
