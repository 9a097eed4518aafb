package io.tillpoint.interfaces.rest;

import io.tillpoint.application.MerchantWebhooks;
import io.tillpoint.application.PaymentResponses;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/** A merchant's webhook deliveries: show one, and redeliver it now. Another merchant's is a 404. */
@Path("/webhook-deliveries")
@ApplicationScoped
@RequiresRole(Roles.MERCHANT)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {

    @EJB
    MerchantWebhooks webhooks;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") String id) {
        return WebhookJson.delivery(webhooks.delivery(Caller.merchantOf(request, security), deliveryId(id)));
    }

    /**
     * 201 with a new delivery of the same event and body to the same endpoint, sent at once and
     * retried as any other; it names the one it repeats ({@code redelivery_of}).
     */
    @POST
    @Path("/{id}/redeliver")
    public Response redeliver(@PathParam("id") String id) {
        String merchant = Caller.merchantOf(request, security);
        ApiRequest.json(request, false).allowOnly();
        WebhookDelivery again = webhooks.redeliver(merchant, deliveryId(id), IdempotencyFilter.claimedRequest(request),
                stored -> PaymentResponses.json(201, WebhookJson.delivery(stored), location(stored.id())));
        return Response.created(URI.create(location(again.id()))).entity(WebhookJson.delivery(again)).build();
    }

    private static String deliveryId(String id) {
        return PathIds.require("whd", "webhook delivery", id);
    }

    private static String location(String deliveryId) {
        return "/api/v1/webhook-deliveries/" + deliveryId;
    }
}
