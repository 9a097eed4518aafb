package io.tillpoint.interfaces.rest;

import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token: the client, and the merchant it acts for.
 *
 * <p>A request's caller is read from its token once and kept with the request: Payara's
 * MicroProfile JWT builds and throws an exception each time a claim outside the standard
 * ones (the merchant id) is read.
 */
public record Caller(String clientId, String merchantId) {

    /** The request property (a servlet request attribute) that keeps the request's caller. */
    static final String PROPERTY = "tillpoint.caller";

    public static Caller of(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null) {
            return null;
        }
        String merchant = null;
        if (principal instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim("merchant_id");
            merchant = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
        }
        return new Caller(principal.getName(), merchant);
    }

    /** The caller of a request in a JAX-RS filter; null when nobody is signed in. */
    public static Caller of(ContainerRequestContext request) {
        return kept(request::getProperty, request::setProperty, request.getSecurityContext());
    }

    /** The merchant of a merchant token; platform tokens carry none. */
    public static String merchantOf(HttpServletRequest request, SecurityContext security) {
        Caller caller = kept(request::getAttribute, request::setAttribute, security);
        if (caller == null || caller.merchantId() == null) {
            throw new ForbiddenException();
        }
        return caller.merchantId();
    }

    private static Caller kept(Function<String, Object> property, BiConsumer<String, Object> keep,
            SecurityContext security) {
        if (property.apply(PROPERTY) instanceof Caller known) {
            return known;
        }
        Caller caller = of(security);
        if (caller != null) {
            keep.accept(PROPERTY, caller);
        }
        return caller;
    }

    /** Idempotency keys are scoped to the merchant (or to the client, for platform calls). */
    public String idempotencyScope() {
        return merchantId != null ? merchantId : "client:" + clientId;
    }
}
