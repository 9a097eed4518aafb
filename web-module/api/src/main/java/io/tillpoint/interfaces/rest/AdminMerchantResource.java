package io.tillpoint.interfaces.rest;

import io.tillpoint.application.PaymentResponses;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.tillpoint.application.MerchantCredentials;
import io.tillpoint.application.MerchantOnboarding;
import io.tillpoint.domain.model.merchant.Pricing;
import io.tillpoint.domain.shared.CurrencyCode;
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
import java.net.URI;

/** Platform operators register merchants; the client secret is shown once, in this answer. */
@Path("/admin/merchants")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
public class AdminMerchantResource {

    @EJB
    MerchantOnboarding onboarding;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response register() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("name", "country", "default_currency", "pricing");
        String name = body.requiredString("name", 200);
        String country = body.requiredString("country", 2);
        CurrencyCode currency = CurrencyCode.of(body.requiredString("default_currency", 3));
        JsonBody pricingJson = body.requiredObject("pricing").allowOnly("percent_bps", "fixed");
        Pricing pricing = Pricing.of(pricingJson.requiredLong("percent_bps"), pricingJson.requiredLong("fixed"));
        MerchantCredentials created = onboarding.register(name, country, currency, pricing,
                IdempotencyFilter.claimedRequest(request),
                stored -> PaymentResponses.json(201, merchantJson(stored, name, country, currency, false),
                        location(stored)));
        return Response.created(URI.create(location(created)))
                .entity(merchantJson(created, name, country, currency, true))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static String location(MerchantCredentials created) {
        return "/api/v1/admin/merchants/" + created.merchantId();
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
