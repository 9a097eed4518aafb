package io.tillpoint.interfaces.rest;

import io.tillpoint.application.Clock;
import io.tillpoint.application.MerchantWebhooks;
import io.tillpoint.application.NewWebhookSecret;
import io.tillpoint.application.PaymentResponses;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.domain.model.webhook.WebhookUrl;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A merchant's webhook endpoints: register one (201 with its secret, shown once), list them, show
 * one, its delivery log, and rotate its secret (the new one shown once; the old one signs too for
 * 24 hours). Another merchant's endpoint is a 404.
 */
@Path("/webhook-endpoints")
@ApplicationScoped
@RequiresRole(Roles.MERCHANT)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    /** The events one endpoint may name (the eight webhook events, and room for repeats). */
    private static final int MOST_EVENTS = 32;

    @EJB
    MerchantWebhooks webhooks;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    public Response register() {
        String merchant = Caller.merchantOf(request, security);
        JsonBody body = ApiRequest.json(request, true).allowOnly("url", "events");
        String url = body.requiredString("url", WebhookUrl.MAX_LENGTH);
        List<String> events = body.requiredStringList("events", MOST_EVENTS, 64);
        NewWebhookSecret created = webhooks.register(merchant, url, events, IdempotencyFilter.claimedRequest(request),
                stored -> PaymentResponses.json(201, WebhookJson.registered(stored, clock.now(), false),
                        location(stored.endpoint().id())));
        return Response.created(URI.create(location(created.endpoint().id())))
                .entity(WebhookJson.registered(created, clock.now(), true))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    public JsonObject list() {
        Instant now = clock.now();
        JsonArrayBuilder data = Jsons.array();
        webhooks.endpoints(Caller.merchantOf(request, security)).forEach(e -> data.add(WebhookJson.endpoint(e, now)));
        return Jsons.object().add("object", "list").add("data", data).add("has_more", false).build();
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") String id) {
        WebhookEndpoint endpoint = webhooks.endpoint(Caller.merchantOf(request, security), endpointId(id));
        return WebhookJson.endpoint(endpoint, clock.now());
    }

    /** The endpoint's deliveries, newest first; {@code limit} 1 to 100 (10), the next page with {@code starting_after}. */
    @GET
    @Path("/{id}/deliveries")
    public JsonObject deliveries(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter) {
        int pageSize = Paging.pageSize(limit);
        List<WebhookDelivery> page = webhooks.deliveries(Caller.merchantOf(request, security), endpointId(id),
                startingAfter == null || startingAfter.isEmpty() ? null : startingAfter, pageSize + 1);
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(pageSize).forEach(d -> data.add(WebhookJson.delivery(d)));
        return Jsons.object().add("object", "list").add("data", data).add("has_more", page.size() > pageSize).build();
    }

    /** 200 {@code {"secret"}}: the new secret, shown once; the one before signs too for 24 hours. */
    @POST
    @Path("/{id}/rotate-secret")
    public Response rotateSecret(@PathParam("id") String id) {
        String merchant = Caller.merchantOf(request, security);
        ApiRequest.json(request, false).allowOnly();
        NewWebhookSecret rotated = webhooks.rotateSecret(merchant, endpointId(id), IdempotencyFilter.claimedRequest(request),
                stored -> PaymentResponses.json(200, WebhookJson.rotated(stored, clock.now(), false), null));
        return Response.ok(WebhookJson.rotated(rotated, clock.now(), true)).header("Cache-Control", "no-store").build();
    }

    private static String endpointId(String id) {
        return PathIds.require("we", "webhook endpoint", id);
    }

    private static String location(String endpointId) {
        return "/api/v1/webhook-endpoints/" + endpointId;
    }
}
