package io.tillpoint.interfaces.rest;

import io.tillpoint.application.PaymentResponses;
import io.tillpoint.application.RiskAdministration;
import io.tillpoint.application.RiskReviewService;
import io.tillpoint.application.RuleChange;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.BlocklistKind;
import io.tillpoint.domain.model.risk.Condition;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.Freezes;
import io.tillpoint.domain.model.risk.RiskAction;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.risk.SubjectKind;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.infrastructure.json.PaymentJson;
import io.tillpoint.infrastructure.json.RiskJson;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Risk control for operators (the contract's operator API, with additions): the rules and their
 * versions, the blocklist, freezes (an analyst's own too) and their lifts, and the review queue
 * with its approve and reject. Lists page as the payments list does ({@code limit} 1 to 100,
 * {@code starting_after} an id). Every change is audit-logged in its own transaction.
 */
@Path("/admin/risk")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminRiskResource {

    @EJB
    RiskAdministration risk;

    @EJB
    RiskReviewService reviews;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    // ----------------------------------------------------------------------------------- rules

    /** The current version of every rule, in the order of evaluation. */
    @GET
    @Path("/rules")
    public JsonObject rules() {
        JsonArrayBuilder data = Jsons.array();
        risk.rules().forEach(r -> data.add(RiskJson.rule(r)));
        return list(data, false);
    }

    /** Every version of one rule, newest first. */
    @GET
    @Path("/rules/{id}/versions")
    public JsonObject ruleVersions(@PathParam("id") String id) {
        JsonArrayBuilder data = Jsons.array();
        risk.ruleVersions(ruleId(id)).forEach(r -> data.add(RiskJson.rule(r)));
        return list(data, false);
    }

    /**
     * A new rule (201), or with {@code id} the next version of one (200): the whole rule each time,
     * {@code version} (optional) the version the change was made from.
     */
    @POST
    @Path("/rules")
    public Response saveRule() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("id", "version", "name", "enabled", "order",
                "condition", "score", "action", "freeze_minutes");
        String id = body.optionalString("id", 64);
        if (id != null) {
            ruleId(id);
        }
        Integer version = body.optionalInt("version");
        String name = body.requiredString("name", 64);
        boolean enabled = body.requiredBoolean("enabled");
        int order = intIn(body, "order", 0, RiskRule.MAX_ORDER);
        Condition condition = RiskJson.condition(body.requiredObject("condition").object());
        int score = intIn(body, "score", 0, 100);
        RiskAction action = RiskAction.ofWire(body.requiredString("action", 16), "action");
        Integer freezeMinutes = body.optionalInt("freeze_minutes");
        Duration freezeFor = freezeMinutes == null ? null : Duration.ofMinutes(freezeMinutes);
        int status = id == null ? 201 : 200;
        RiskRule saved = risk.saveRule(new RuleChange(id, version, name, enabled, order, condition, score, action,
                freezeFor), AuditContexts.of(request, security), IdempotencyFilter.claimedRequest(request),
                r -> PaymentResponses.json(status, RiskJson.rule(r), null));
        return Response.status(status).entity(RiskJson.rule(saved)).build();
    }

    // ------------------------------------------------------------------------------- blocklist

    @GET
    @Path("/blocklist")
    public JsonObject blocklist(@QueryParam("kind") String kind, @QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter) {
        BlocklistKind which = empty(kind) ? null : BlocklistKind.ofWire(kind, "kind");
        int pageSize = Paging.pageSize(limit);
        List<BlocklistEntry> page = risk.blocklist(which, cursor(startingAfter, "bl"), pageSize);
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(pageSize).forEach(e -> data.add(RiskJson.blocklistEntry(e)));
        return list(data, page.size() > pageSize);
    }

    @GET
    @Path("/blocklist/{id}")
    public JsonObject blocklistEntry(@PathParam("id") String id) {
        return RiskJson.blocklistEntry(risk.blocklistEntry(entryId(id)));
    }

    /**
     * A new entry (201): {@code kind} and {@code value}; a card by {@code payment_id} (a payment made
     * with it); a customer id with its {@code merchant_id}; always a {@code reason}.
     */
    @POST
    @Path("/blocklist")
    public Response block() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("kind", "value", "payment_id", "merchant_id", "reason");
        BlocklistKind kind = BlocklistKind.ofWire(body.requiredString("kind", 16), "kind");
        String value = body.optionalString("value", 320);
        String paymentId = body.optionalString("payment_id", 64);
        if (paymentId != null && !Ids.looksLike("pay", paymentId)) {
            throw new NotFoundException("payment", "?");
        }
        String merchantId = body.optionalString("merchant_id", 64);
        if (merchantId != null) {
            AdminMerchantResource.merchantId(merchantId);
        }
        Reason reason = Reason.of(body.requiredString("reason", Reason.MAX_LENGTH));
        BlocklistEntry entry = risk.block(kind, value, paymentId, merchantId, reason,
                AuditContexts.of(request, security), IdempotencyFilter.claimedRequest(request),
                e -> PaymentResponses.json(201, RiskJson.blocklistEntry(e), blocklistLocation(e)));
        return Response.status(201).header("Location", blocklistLocation(entry)).entity(RiskJson.blocklistEntry(entry))
                .build();
    }

    /** Removes an entry by its id; the reason comes in the body ({@code {"reason"}}) or as the {@code reason} parameter. */
    @DELETE
    @Path("/blocklist/{id}")
    public JsonObject unblock(@PathParam("id") String id, @QueryParam("reason") String reason) {
        return RiskJson.blocklistEntry(risk.unblock(entryId(id), deleteReason(reason),
                AuditContexts.of(request, security)));
    }

    /** Removes the active entry of {@code kind} and {@code value} (and {@code merchant_id}, for a customer id). */
    @DELETE
    @Path("/blocklist")
    public JsonObject unblockByValue(@QueryParam("kind") String kind, @QueryParam("value") String value,
            @QueryParam("merchant_id") String merchantId, @QueryParam("reason") String reason) {
        if (empty(kind)) {
            throw new InvalidInputException("kind", "is required (or delete /blocklist/{id})");
        }
        if (empty(value)) {
            throw new InvalidInputException("value", "is required");
        }
        String merchant = empty(merchantId) ? null : AdminMerchantResource.merchantId(merchantId);
        Reason why = deleteReason(reason);
        BlocklistEntry entry = risk.activeEntry(BlocklistKind.ofWire(kind, "kind"), value, merchant);
        return RiskJson.blocklistEntry(risk.unblock(entry.id(), why, AuditContexts.of(request, security)));
    }

    private Reason deleteReason(String query) {
        JsonBody body = ApiRequest.json(request, false).allowOnly("reason");
        String text = body.optionalString("reason", Reason.MAX_LENGTH);
        if (text == null) {
            text = query;
        }
        return Reason.of(text);
    }

    private static String blocklistLocation(BlocklistEntry e) {
        return "/api/v1/admin/risk/blocklist/" + e.id();
    }

    // --------------------------------------------------------------------------------- freezes

    /** {@code status}: {@code active} (the default) or {@code all}. */
    @GET
    @Path("/freezes")
    public JsonObject freezes(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter) {
        Freezes.Listed which;
        if (empty(status) || "active".equals(status)) {
            which = Freezes.Listed.ACTIVE;
        } else if ("all".equals(status)) {
            which = Freezes.Listed.ALL;
        } else {
            throw new InvalidInputException("status", "must be active or all");
        }
        int pageSize = Paging.pageSize(limit);
        List<Freeze> page = risk.freezes(which, cursor(startingAfter, "frz"), pageSize);
        Instant now = Instant.now();
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(pageSize).forEach(f -> data.add(RiskJson.freeze(f, now)));
        return list(data, page.size() > pageSize);
    }

    @GET
    @Path("/freezes/{id}")
    public JsonObject freeze(@PathParam("id") String id) {
        return RiskJson.freeze(risk.freeze(freezeId(id)), Instant.now());
    }

    /**
     * An analyst's freeze (201): {@code subject} ({@code kind} card with {@code payment_id}, customer
     * with {@code value} and {@code merchant_id}, ip or merchant with {@code value}), {@code minutes}
     * and {@code reason}.
     */
    @POST
    @Path("/freezes")
    public Response freeze() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("subject", "minutes", "reason");
        JsonBody subject = body.requiredObject("subject").allowOnly("kind", "value", "payment_id", "merchant_id");
        SubjectKind kind = SubjectKind.ofWire(subject.requiredString("kind", 16), "subject.kind");
        String value = subject.optionalString("value", 320);
        String paymentId = subject.optionalString("payment_id", 64);
        if (paymentId != null && !Ids.looksLike("pay", paymentId)) {
            throw new NotFoundException("payment", "?");
        }
        String merchantId = subject.optionalString("merchant_id", 64);
        if (merchantId != null) {
            AdminMerchantResource.merchantId(merchantId);
        }
        if (kind == SubjectKind.MERCHANT && value != null) {
            AdminMerchantResource.merchantId(value);
        }
        Duration duration = Duration.ofMinutes(intIn(body, "minutes", 1,
                (int) RiskAdministration.LONGEST_FREEZE.toMinutes()));
        Reason reason = Reason.of(body.requiredString("reason", Reason.MAX_LENGTH));
        Freeze frozen = risk.freeze(kind, value, paymentId, merchantId, duration, reason,
                AuditContexts.of(request, security), IdempotencyFilter.claimedRequest(request),
                f -> PaymentResponses.json(201, RiskJson.freeze(f, f.createdAt()), freezeLocation(f)));
        return Response.status(201).header("Location", freezeLocation(frozen))
                .entity(RiskJson.freeze(frozen, frozen.createdAt())).build();
    }

    @POST
    @Path("/freezes/{id}/lift")
    public JsonObject lift(@PathParam("id") String id) {
        Reason reason = reason();
        return RiskJson.freeze(risk.lift(freezeId(id), reason, AuditContexts.of(request, security),
                IdempotencyFilter.claimedRequest(request), AdminRiskResource::liftAnswer), Instant.now());
    }

    private static StoredResponse liftAnswer(Freeze lifted) {
        return PaymentResponses.json(200, RiskJson.freeze(lifted, lifted.liftedAt()), null);
    }

    private static String freezeLocation(Freeze f) {
        return "/api/v1/admin/risk/freezes/" + f.id();
    }

    // --------------------------------------------------------------------------------- reviews

    /** Open reviews, oldest first; {@code starting_after} is a payment id. */
    @GET
    @Path("/reviews")
    public JsonObject reviews(@QueryParam("limit") String limit, @QueryParam("starting_after") String startingAfter) {
        int pageSize = Paging.pageSize(limit);
        List<RiskReviewService.OpenReview> page = reviews.open(cursor(startingAfter, "pay"), pageSize);
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(pageSize).forEach(r -> data.add(reviewJson(r)));
        return list(data, page.size() > pageSize);
    }

    @GET
    @Path("/reviews/{payment_id}")
    public JsonObject review(@PathParam("payment_id") String paymentId) {
        return reviewJson(reviews.review(reviewId(paymentId)));
    }

    /** Approves: 200 with the payment authorized (manual capture) or captured (automatic). */
    @POST
    @Path("/reviews/{payment_id}/approve")
    public Response approve(@PathParam("payment_id") String paymentId) {
        Reason reason = reason();
        return IdempotencyFilter.toResponse(reviews.approve(reviewId(paymentId), reason,
                AuditContexts.of(request, security), IdempotencyFilter.claimedRequest(request)));
    }

    /** Rejects: 200 with the payment voided at the acquirer. */
    @POST
    @Path("/reviews/{payment_id}/reject")
    public Response reject(@PathParam("payment_id") String paymentId) {
        Reason reason = reason();
        return IdempotencyFilter.toResponse(reviews.reject(reviewId(paymentId), reason,
                AuditContexts.of(request, security), IdempotencyFilter.claimedRequest(request)));
    }

    private static JsonObject reviewJson(RiskReviewService.OpenReview r) {
        var json = Jsons.object()
                .add("object", "risk_review")
                .add("payment_id", r.review().paymentId())
                .add("merchant_id", r.review().merchantId())
                .add("status", r.review().open() ? "open" : r.review().decision())
                .add("opened_at", PaymentJson.format(r.review().openedAt()));
        if (r.review().open()) {
            json.addNull("decided_at").addNull("decided_by").addNull("reason");
        } else {
            json.add("decided_at", PaymentJson.format(r.review().decidedAt()))
                    .add("decided_by", r.review().decidedBy())
                    .add("reason", r.review().reason());
        }
        return json.add("payment", PaymentJson.of(r.payment())).build();
    }

    // ---------------------------------------------------------------------------------- helpers

    private Reason reason() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("reason");
        return Reason.of(body.requiredString("reason", Reason.MAX_LENGTH));
    }

    private static int intIn(JsonBody body, String name, int min, int max) {
        if (!body.has(name)) {
            throw new InvalidInputException(body.param(name), "is required");
        }
        Integer value = body.optionalInt(name);
        if (value < min || value > max) {
            throw new InvalidInputException(body.param(name), "must be from " + min + " to " + max);
        }
        return value;
    }

    private static JsonObject list(JsonArrayBuilder data, boolean hasMore) {
        return Jsons.object().add("object", "list").add("data", data).add("has_more", hasMore).build();
    }

    private static String cursor(String startingAfter, String prefix) {
        if (empty(startingAfter)) {
            return null;
        }
        if (!Ids.looksLike(prefix, startingAfter)) {
            throw new InvalidInputException("starting_after", "is not an id of this list");
        }
        return startingAfter;
    }

    private static String ruleId(String id) {
        return known("rul", id, "rule");
    }

    private static String entryId(String id) {
        return known("bl", id, "blocklist entry");
    }

    private static String freezeId(String id) {
        return known("frz", id, "freeze");
    }

    private static String reviewId(String id) {
        return known("pay", id, "review");
    }

    /** An id as the gateway makes them; anything else is no such object (and is not echoed). */
    private static String known(String prefix, String id, String what) {
        if (!Ids.looksLike(prefix, id)) {
            throw new NotFoundException(what, "?");
        }
        return id;
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
