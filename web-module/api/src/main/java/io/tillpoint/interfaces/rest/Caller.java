package io.tillpoint.interfaces.rest;

import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified token: the client, and the merchant it acts for. */
public record Caller(String clientId, String merchantId) {

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

    /** The merchant of a merchant token; platform tokens carry none. */
    public static String merchantOf(SecurityContext security) {
        Caller caller = of(security);
        if (caller == null || caller.merchantId() == null) {
            throw new ForbiddenException();
        }
        return caller.merchantId();
    }

    /** Idempotency keys are scoped to the merchant (or to the client, for platform calls). */
    public String idempotencyScope() {
        return merchantId != null ? merchantId : "client:" + clientId;
    }
}
