package io.tillpoint.interfaces.soap;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.interfaces.rest.RequestBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * In front of /soap/* (mapped in web.xml, so before the admission filter): a POST's body is read
 * whole, at most 64 KiB (413 beyond), and checked by {@link XmlSafety} before the SOAP runtime
 * parses it; a refused one is answered with a fault here and reaches nothing else. The body then
 * goes on as read (the SOAP runtime reads the same bytes again).
 */
public class SoapRequestFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        RequestBody body;
        try {
            body = RequestBody.read(request.getInputStream(), request.getContentLengthLong());
        } catch (IOException unreadable) {
            response.setHeader("Connection", "close");
            fault(response, 400, "invalid_request", "The request body could not be read");
            return;
        }
        if (!body.readToEnd()) {
            response.setHeader("Connection", "close");
        }
        if (body.tooLarge()) {
            fault(response, 413, "body_too_large", "Request body is larger than 64 KiB");
            return;
        }
        XmlSafety.Refusal refusal = XmlSafety.check(body.bytes());
        if (refusal != null) {
            fault(response, 400, refusal.code(), refusal.detail());
            return;
        }
        chain.doFilter(body.attachTo(request), response);
    }

    /**
     * A fault before the SOAP runtime: HTTP 500 as SOAP 1.1 wants for a fault, but 413 for a body
     * too large (it was not read); the fault's detail carries {@code status}, REST's status.
     */
    public static void fault(HttpServletResponse response, int status, String code, String detail) throws IOException {
        byte[] fault = SoapFaults.bytes(status, code, detail, Ids.newId("req"));
        response.setStatus(status == 413 ? 413 : status == 401 ? 401 : 500);
        response.setContentType("text/xml;charset=utf-8");
        response.setContentLength(fault.length);
        response.getOutputStream().write(fault);
    }
}
