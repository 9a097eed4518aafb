package io.tillpoint.interfaces.rest;

import io.tillpoint.application.AccessToken;
import io.tillpoint.application.InvalidClientException;
import io.tillpoint.application.MerchantSuspendedException;
import io.tillpoint.application.TokenService;
import io.tillpoint.application.TooManyAttemptsException;
import io.tillpoint.domain.model.access.AuthFailureReason;
import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * OAuth2 token endpoint (client credentials grant, form-encoded). Every refusal (unknown client,
 * wrong secret, locked out, revoked, suspended) is written to the security log with the source
 * address; the secret never is.
 */
@Path("/oauth/token")
@ApplicationScoped
@PermitAll
public class TokenResource {

    @EJB
    TokenService tokens;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response token() {
        if (!isForm(request.getContentType())) {
            throw new UnsupportedMediaType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        Map<String, String> form = parseForm(JsonBody.utf8(ApiRequest.body(request)));
        String grant = form.get("grant_type");
        if (grant == null) {
            throw new InvalidInputException("grant_type", "is required");
        }
        if (!"client_credentials".equals(grant)) {
            throw new InvalidInputException("unsupported_grant_type", "grant_type", "must be client_credentials");
        }
        String clientId = form.get("client_id");
        AccessToken token;
        try {
            token = tokens.issue(clientId, form.get("client_secret"));
        } catch (InvalidClientException e) {
            AuthFailures.atTokenEndpoint(e.reason(), clientId, request.getRemoteAddr());
            throw e;
        } catch (TooManyAttemptsException e) {
            AuthFailures.atTokenEndpoint(AuthFailureReason.LOCKED_OUT, clientId, request.getRemoteAddr());
            throw e;
        } catch (MerchantSuspendedException e) {
            AuthFailures.atTokenEndpoint(AuthFailureReason.MERCHANT_SUSPENDED, clientId, request.getRemoteAddr());
            throw e;
        }
        return Response.ok(Jsons.object()
                        .add("access_token", token.token())
                        .add("token_type", "Bearer")
                        .add("expires_in", token.expiresIn())
                        .build())
                .header("Cache-Control", "no-store")
                .build();
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null
                    && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(null, "The form body is not valid application/x-www-form-urlencoded");
            }
        }
        return form;
    }
}
