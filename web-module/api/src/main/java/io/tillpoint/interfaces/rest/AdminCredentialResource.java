package io.tillpoint.interfaces.rest;

import jakarta.ws.rs.core.Response;
import io.tillpoint.application.PaymentResponses;
import io.tillpoint.application.MerchantAccess;
import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.regex.Pattern;

/** Platform operators revoke API credentials: the client's tokens are refused (401) from its next request on. */
@Path("/admin/credentials")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminCredentialResource {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @EJB
    MerchantAccess access;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    @Path("/{client_id}/revoke")
    public Response revoke(@PathParam("client_id") String clientId) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new NotFoundException("client", "?");
        }
        JsonBody body = ApiRequest.json(request, true).allowOnly("reason");
        Reason reason = Reason.of(body.requiredString("reason", Reason.MAX_LENGTH));
        ApiClient revoked = access.revoke(clientId, reason, AuditContexts.of(request, security),
                IdempotencyFilter.claimedRequest(request), client -> PaymentResponses.json(200, revokedJson(client), null));
        return Response.ok(revokedJson(revoked)).build();
    }

    private static JsonObject revokedJson(ApiClient revoked) {
        var json = Jsons.object()
                .add("object", "api_credentials")
                .add("client_id", revoked.clientId())
                .add("active", revoked.active())
                .add("revoked_at", Timestamps.format(revoked.revokedAt()))
                .add("revoked_reason", revoked.revokedReason());
        if (revoked.merchantId() != null) {
            json.add("merchant_id", revoked.merchantId());
        }
        return json.build();
    }
}
