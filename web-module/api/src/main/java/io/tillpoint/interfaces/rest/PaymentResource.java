package io.tillpoint.interfaces.rest;

import io.tillpoint.infrastructure.json.PaymentJson;

import io.tillpoint.application.CreateCardPayment;
import io.tillpoint.application.OperationRecorded;
import io.tillpoint.application.PaymentResponses;
import io.tillpoint.application.PaymentService;
import io.tillpoint.domain.model.idempotency.IdempotentOutcome;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository.PaymentQuery;
import io.tillpoint.domain.model.payment.PaymentStatus;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tillpoint.infrastructure.json.Jsons;
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
import java.util.List;
import java.util.Set;

/** Payments: create, read, list, capture, void, confirm, refund. Another merchant's payment is a 404. */
@Path("/payments")
@ApplicationScoped
@RequiresRole(Roles.MERCHANT)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @EJB
    PaymentService payments;

    @Inject
    PaymentMetrics metrics;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    @OwnIdempotencyClaim
    public Response create() {
        String merchant = Caller.merchantOf(request, security);
        long started = System.nanoTime();
        CreateCardPayment command = PaymentRequests.createPayment(merchant, ApiRequest.json(request, true));
        IdempotentOutcome<Payment> outcome = payments.createCardPayment(command,
                IdempotencyFilter.keyedRequest(request), PaymentResponses::created);
        if (outcome instanceof IdempotentOutcome.Done<Payment> done) {
            metrics.created(done.result().status(), System.nanoTime() - started);
        }
        return IdempotencyFilter.toResponse(outcome);
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") String id) {
        return PaymentJson.of(payments.get(Caller.merchantOf(request, security), paymentId(id)));
    }

    @GET
    public JsonObject list(@QueryParam("status") String status, @QueryParam("reference") String reference,
            @QueryParam("created_gte") String createdGte, @QueryParam("created_lt") String createdLt,
            @QueryParam("limit") String limit, @QueryParam("starting_after") String startingAfter) {
        return listed(payments, Caller.merchantOf(request, security), status, reference, createdGte, createdLt, limit,
                startingAfter);
    }

    /** A page of the merchant's payments, newest first, as GET /payments answers it (also for SOAP). */
    public static JsonObject listed(PaymentService payments, String merchant, String status, String reference,
            String createdGte, String createdLt, String limit, String startingAfter) {
        Set<PaymentStatus> statuses = Set.of();
        if (status != null && !status.isEmpty()) {
            statuses = PaymentStatus.shownAs(status);
            if (statuses.isEmpty()) {
                throw new InvalidInputException("status", "is not a payment status");
            }
        }
        if (reference != null && reference.length() > 255) {
            throw new InvalidInputException("reference", "must be at most 255 characters");
        }
        int pageSize = Paging.pageSize(limit);
        Payment cursor = null;
        if (startingAfter != null && !startingAfter.isEmpty()) {
            try {
                cursor = payments.get(merchant, paymentId(startingAfter));
            } catch (NotFoundException e) {
                throw new InvalidInputException("starting_after", "is not one of your payments");
            }
        }
        List<Payment> page = payments.list(merchant, new PaymentQuery(statuses, emptyToNull(reference),
                Timestamps.parse(createdGte, "created_gte"), Timestamps.parse(createdLt, "created_lt"), cursor, pageSize));
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(pageSize).forEach(p -> data.add(PaymentJson.of(p)));
        return Jsons.object()
                .add("object", "list")
                .add("data", data)
                .add("has_more", page.size() > pageSize)
                .build();
    }

    /**
     * Captures once the acquirer acknowledges it: 200 with the payment captured, 409
     * {@code acquirer_refused} when it refuses, 202 with the payment unchanged while its answer is
     * not known (recovery sends the capture again; a retry with the same key waits for it).
     */
    @POST
    @Path("/{id}/capture")
    public Response capture(@PathParam("id") String id) {
        String merchant = Caller.merchantOf(request, security);
        JsonBody body = ApiRequest.json(request, false).allowOnly("amount");
        OperationRecorded captured = payments.capture(merchant, paymentId(id), body.optionalLong("amount"),
                IdempotencyFilter.claimedRequest(request));
        metrics.changed(captured.payment().status());
        return IdempotencyFilter.toResponse(captured.answer());
    }

    /** Voids once the acquirer acknowledges it; answers as capture does. */
    @POST
    @Path("/{id}/void")
    public Response voidPayment(@PathParam("id") String id) {
        String merchant = Caller.merchantOf(request, security);
        ApiRequest.json(request, false).allowOnly();
        OperationRecorded voided = payments.voidPayment(merchant, paymentId(id), IdempotencyFilter.claimedRequest(request));
        metrics.changed(voided.payment().status());
        return IdempotencyFilter.toResponse(voided.answer());
    }

    @POST
    @Path("/{id}/confirm")
    public JsonObject confirm(@PathParam("id") String id) {
        String merchant = Caller.merchantOf(request, security);
        JsonBody body = ApiRequest.json(request, true).allowOnly("code");
        String code = body.requiredString("code", 16);
        Payment confirmed = payments.confirm(merchant, paymentId(id), code);
        metrics.changed(confirmed.status());
        return PaymentJson.of(confirmed);
    }

    /**
     * 201 with the refund: {@code succeeded} or {@code failed} as the acquirer answered, or
     * {@code pending} while its answer is not known (recovery sends it again).
     */
    @POST
    @Path("/{id}/refunds")
    public Response refund(@PathParam("id") String id) {
        String merchant = Caller.merchantOf(request, security);
        JsonBody body = ApiRequest.json(request, false).allowOnly("amount", "reason");
        String reason = body.optionalString("reason", 255);
        OperationRecorded refunded = payments.refund(merchant, paymentId(id), body.optionalLong("amount"), reason,
                IdempotencyFilter.claimedRequest(request));
        metrics.refunded();
        return IdempotencyFilter.toResponse(refunded.answer());
    }

    @GET
    @Path("/{id}/refunds")
    public JsonObject refunds(@PathParam("id") String id) {
        return refundsOf(payments, Caller.merchantOf(request, security), id);
    }

    /** A payment's refunds as GET /payments/{id}/refunds answers them (also for SOAP). */
    public static JsonObject refundsOf(PaymentService payments, String merchant, String id) {
        JsonArrayBuilder data = Jsons.array();
        payments.refunds(merchant, paymentId(id)).forEach(r -> data.add(PaymentJson.of(r)));
        return Jsons.object().add("object", "list").add("data", data).add("has_more", false).build();
    }

    /** A path's payment id; one that cannot be a payment id is a 404, as an unknown one is. */
    public static String paymentId(String id) {
        if (!Ids.looksLike("pay", id)) {
            throw new NotFoundException("payment", id == null ? "" : id.substring(0, Math.min(id.length(), 64)));
        }
        return id;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
