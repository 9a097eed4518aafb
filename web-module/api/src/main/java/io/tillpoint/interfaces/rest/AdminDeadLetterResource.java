package io.tillpoint.interfaces.rest;

import io.tillpoint.application.DeadLetterAdministration;
import io.tillpoint.application.PaymentResponses;
import io.tillpoint.domain.model.event.DeadLetter;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.util.List;

/**
 * The messages event consumers gave up on, for operators: {@code GET /admin/dead-letters}
 * (newest first, {@code limit} 1 to 100 (10) after {@code starting_after}, a dead letter's id;
 * {@code include_replayed=true} also those already sent back) and
 * {@code POST /admin/dead-letters/{id}/replay}, which sends one back to its queue (audit-logged,
 * idempotent with {@code Idempotency-Key}).
 */
@Path("/admin/dead-letters")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminDeadLetterResource {

    @EJB
    DeadLetterAdministration deadLetters;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list(@QueryParam("limit") String limit, @QueryParam("starting_after") String startingAfter,
            @QueryParam("include_replayed") String includeReplayed) {
        int pageSize = Paging.pageSize(limit);
        String cursor = empty(startingAfter) ? null : startingAfter;
        if (cursor != null && !Ids.looksLike("dlq", cursor)) {
            throw new InvalidInputException("starting_after", "is not a dead letter");
        }
        List<DeadLetter> page = deadLetters.list(cursor, flag(includeReplayed, "include_replayed"), pageSize);
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(pageSize).forEach(letter -> data.add(json(letter)));
        return Jsons.object().add("object", "list").add("data", data).add("has_more", page.size() > pageSize).build();
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") String id) {
        return json(deadLetters.get(deadLetterId(id)));
    }

    /** Sends the message back to its queue: 200 with the dead letter, {@code replayed_at} set. */
    @POST
    @Path("/{id}/replay")
    public JsonObject replay(@PathParam("id") String id) {
        ApiRequest.json(request, false).allowOnly();
        return json(deadLetters.replay(deadLetterId(id), AuditContexts.of(request, security),
                IdempotencyFilter.claimedRequest(request), letter -> PaymentResponses.json(200, json(letter), null)));
    }

    static JsonObject json(DeadLetter letter) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", letter.id())
                .add("object", "dead_letter")
                .add("consumer", letter.consumer())
                .add("queue", letter.queue());
        nullable(json, "event_id", letter.eventId());
        nullable(json, "event_type", letter.eventType());
        nullable(json, "merchant_id", letter.merchantId());
        json.add("deliveries", letter.deliveries());
        nullable(json, "last_error", letter.lastError());
        json.add("dead_at", Timestamps.format(letter.deadAt()));
        nullable(json, "replayed_at", letter.replayedAt() == null ? null : Timestamps.format(letter.replayedAt()));
        nullable(json, "replayed_by", letter.replayedBy());
        JsonObject message = message(letter.body());
        if (message == null) {
            json.add("message", letter.body());
        } else {
            json.add("message", message);
        }
        return json.build();
    }

    /** The message body as JSON when it is a JSON object (an event), null otherwise. */
    private static JsonObject message(String body) {
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String deadLetterId(String id) {
        if (!Ids.looksLike("dlq", id)) {
            throw new NotFoundException("dead_letter", "?");
        }
        return id;
    }

    private static boolean flag(String value, String param) {
        if (empty(value) || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInputException(param, "must be true or false");
    }


    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
