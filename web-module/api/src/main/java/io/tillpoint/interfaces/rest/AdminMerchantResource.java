package io.tillpoint.interfaces.rest;

import io.tillpoint.application.IssuedCredentials;
import io.tillpoint.application.MerchantAccess;
import io.tillpoint.application.MerchantCredentials;
import io.tillpoint.application.MerchantOnboarding;
import io.tillpoint.application.PaymentResponses;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.merchant.Merchant;
import io.tillpoint.domain.model.merchant.Pricing;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/**
 * Platform operators register merchants, suspend and reactivate them, and issue them further API
 * credentials. A client secret is shown once, in the answer that created it; a replay of that
 * answer (same {@code Idempotency-Key}) reads {@code client_secret: null}.
 */
@Path("/admin/merchants")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminMerchantResource {

    @EJB
    MerchantOnboarding onboarding;

    @EJB
    MerchantAccess access;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    public Response register() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("name", "country", "default_currency", "pricing");
        String name = body.requiredString("name", 200);
        String country = body.requiredString("country", 2);
        CurrencyCode currency = CurrencyCode.of(body.requiredString("default_currency", 3));
        JsonBody pricingJson = body.requiredObject("pricing").allowOnly("percent_bps", "fixed");
        Pricing pricing = Pricing.of(pricingJson.requiredLong("percent_bps"), pricingJson.requiredLong("fixed"));
        MerchantCredentials created = onboarding.register(name, country, currency, pricing,
                AuditContexts.of(request, security), IdempotencyFilter.claimedRequest(request),
                stored -> PaymentResponses.json(201, merchantJson(stored, name, country, currency, false),
                        location(stored.merchantId())));
        return Response.created(URI.create(location(created.merchantId())))
                .entity(merchantJson(created, name, country, currency, true))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Refuses the merchant from its next request on, on every instance: 403 {@code merchant_suspended}. */
    @POST
    @Path("/{id}/suspend")
    public Response suspend(@PathParam("id") String id) {
        return Response.ok(statusJson(access.suspend(merchantId(id), reason(), AuditContexts.of(request, security),
                IdempotencyFilter.claimedRequest(request), AdminMerchantResource::statusAnswer))).build();
    }

    @POST
    @Path("/{id}/reactivate")
    public Response reactivate(@PathParam("id") String id) {
        return Response.ok(statusJson(access.reactivate(merchantId(id), reason(), AuditContexts.of(request, security),
                IdempotencyFilter.claimedRequest(request), AdminMerchantResource::statusAnswer))).build();
    }

    /** The answer a retry with the same key replays, stored with the change. */
    private static StoredResponse statusAnswer(Merchant merchant) {
        return PaymentResponses.json(200, statusJson(merchant), null);
    }

    /** 201 with a new client id and secret for the merchant; the secret only here, never in a replay. */
    @POST
    @Path("/{id}/credentials")
    public Response issueCredentials(@PathParam("id") String id) {
        ApiRequest.json(request, false).allowOnly();
        IssuedCredentials issued = access.issueCredentials(merchantId(id), AuditContexts.of(request, security),
                IdempotencyFilter.claimedRequest(request),
                stored -> PaymentResponses.json(201, credentialsJson(stored, false), null));
        return Response.status(201)
                .entity(credentialsJson(issued, true))
                .header("Cache-Control", "no-store")
                .build();
    }

    private Reason reason() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("reason");
        return Reason.of(body.requiredString("reason", Reason.MAX_LENGTH));
    }

    /** A merchant id as the gateway makes them; anything else is no merchant (and is not echoed). */
    static String merchantId(String id) {
        return PathIds.require("mer", "merchant", id);
    }

    private static String location(String merchantId) {
        return "/api/v1/admin/merchants/" + merchantId;
    }

    private static JsonObject statusJson(Merchant merchant) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", merchant.id())
                .add("object", "merchant")
                .add("name", merchant.name())
                .add("status", merchant.status().wire());
        if (merchant.statusReason() != null) {
            json.add("status_reason", merchant.statusReason());
        }
        if (merchant.statusChangedAt() != null) {
            json.add("status_changed_at", Timestamps.format(merchant.statusChangedAt()));
        }
        return json.build();
    }

    private static JsonObject credentialsJson(IssuedCredentials issued, boolean withSecret) {
        JsonObjectBuilder json = Jsons.object()
                .add("object", "api_credentials")
                .add("merchant_id", issued.merchantId())
                .add("client_id", issued.clientId());
        return (withSecret ? json.add("client_secret", issued.clientSecret()) : json.addNull("client_secret")).build();
    }

    /** The new merchant; with its client secret only in the answer to this request, never in a replay. */
    private static JsonObject merchantJson(MerchantCredentials created, String name, String country,
            CurrencyCode currency, boolean withSecret) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", created.merchantId())
                .add("object", "merchant")
                .add("name", name.strip())
                .add("country", country)
                .add("default_currency", currency.code())
                .add("client_id", created.clientId());
        return (withSecret ? json.add("client_secret", created.clientSecret()) : json.addNull("client_secret")).build();
    }
}
