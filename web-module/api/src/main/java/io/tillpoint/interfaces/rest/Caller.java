package io.tillpoint.interfaces.rest;

import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token: the client, and the merchant it acts for.
 *
 * <p>A token's caller is read from it once and kept, by the token, and with each request that
 * carries it: Payara's MicroProfile JWT builds and throws an exception each time a claim
 * outside the standard ones (the merchant id) is read, about 2 % of the CPU per payment.
 */
public record Caller(String clientId, String merchantId) {

    /**
     * Callers by the verified token they were read from. A signed token's claims never change, so
     * a merchant's requests read the claim once per token, not once per request. Bounded: when
     * full it starts again (expired tokens are simply never asked for again).
     */
    private static final Map<String, Caller> BY_TOKEN = new ConcurrentHashMap<>();
    static final int REMEMBERED_TOKENS = 10_000;

    /** The request property (a servlet request attribute) that keeps the request's caller. */
    static final String PROPERTY = "tillpoint.caller";

    public static Caller of(SecurityContext security) {
        return of(security == null ? null : security.getUserPrincipal());
    }

    /** The caller a verified principal stands for; null for none. */
    public static Caller of(Principal principal) {
        if (principal == null) {
            return null;
        }
        if (!(principal instanceof JsonWebToken jwt)) {
            return new Caller(principal.getName(), null);
        }
        String token = jwt.getRawToken();
        Caller known = token == null ? null : BY_TOKEN.get(token);
        if (known != null) {
            return known;
        }
        Caller caller = read(jwt);
        if (token != null) {
            if (BY_TOKEN.size() >= REMEMBERED_TOKENS) {
                BY_TOKEN.clear();
            }
            BY_TOKEN.put(token, caller);
        }
        return caller;
    }

    private static Caller read(JsonWebToken jwt) {
        Object claim = jwt.getClaim("merchant_id");
        String merchant = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
        return new Caller(jwt.getName(), merchant);
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
