package io.tillpoint.interfaces.rest;

import io.tillpoint.application.ReconciliationService;
import io.tillpoint.application.SandboxClearing;
import io.tillpoint.batch.reconciliation.ReconciliationJobs;
import io.tillpoint.domain.model.reconciliation.ReconciliationException;
import io.tillpoint.domain.model.reconciliation.ReconciliationRun;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.infrastructure.connector.sandbox.SandboxClearingFile;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.infrastructure.json.PaymentJson;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reconciliation for operators: run it for a day (202, followed at its {@code Location}), list the
 * exceptions it found (open or resolved, of one run), resolve one with a reason (audit-logged); and the
 * sandbox acquirer's clearing file of a day, with the mismatches it is told to plant.
 */
@Path("/admin")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminReconciliationResource {

    private static final Logger LOG = Logger.getLogger(AdminReconciliationResource.class.getName());

    @EJB
    ReconciliationService reconciliation;

    @EJB
    ReconciliationJobs jobs;

    @EJB
    SandboxClearing sandbox;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    @Path("/reconciliation-runs")
    public Response run() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("date", "merchant_id");
        LocalDate day = date(body.requiredString("date", 10));
        String merchant = body.optionalString("merchant_id", 40);
        ReconciliationRun run = reconciliation.request(day, merchant, AuditContexts.of(request, security));
        try {
            jobs.start(run.id());
        } catch (RuntimeException e) {
            reconciliation.recordFailed(run.id(), "the job could not be started (see the server log)");
            LOG.warning(() -> "reconciliation " + run.id() + " did not start (" + e.getClass().getSimpleName() + ")");
        }
        return Response.accepted(json(reconciliation.run(run.id())))
                .location(URI.create("/api/v1/admin/reconciliation-runs/" + run.id())).build();
    }

    @GET
    @Path("/reconciliation-runs/{id}")
    public JsonObject get(@PathParam("id") String id) {
        return json(reconciliation.run(PathIds.require("rec", "reconciliation run", id)));
    }

    @GET
    @Path("/reconciliation/exceptions")
    public JsonObject exceptions(@QueryParam("status") String status, @QueryParam("run_id") String runId,
            @QueryParam("limit") String limit, @QueryParam("starting_after") String startingAfter) {
        if (status != null && !status.matches("open|resolved")) {
            throw new InvalidInputException("status", "must be open or resolved");
        }
        int size = Paging.pageSize(limit);
        List<ReconciliationException> page = reconciliation.exceptions(status, runId, startingAfter, size + 1);
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(size).forEach(e -> data.add(json(e)));
        return Jsons.object().add("object", "list").add("data", data).add("has_more", page.size() > size).build();
    }

    @POST
    @Path("/reconciliation/exceptions/{id}/resolve")
    public JsonObject resolve(@PathParam("id") String id) {
        JsonBody body = ApiRequest.json(request, true).allowOnly("reason");
        String reason = body.requiredString("reason", 500);
        return json(reconciliation.resolve(PathIds.require("rex", "reconciliation exception", id), reason,
                AuditContexts.of(request, security)));
    }

    /** The sandbox acquirer writes its clearing file of {@code date}; {@code plant} asks it for mismatches in one merchant's rows. */
    @POST
    @Path("/sandbox/clearing-files")
    public Response sandboxFile() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("date", "plant");
        LocalDate day = date(body.requiredString("date", 10));
        JsonBody plant = body.optionalObject("plant");
        SandboxClearingFile.Plan plan = null;
        if (plant != null) {
            plant.allowOnly("merchant_id", "missing_theirs", "missing_ours", "amount_mismatch", "currency_mismatch",
                    "duplicate");
            plan = new SandboxClearingFile.Plan(plant.requiredString("merchant_id", 40), count(plant, "missing_theirs"),
                    count(plant, "missing_ours"), count(plant, "amount_mismatch"), count(plant, "currency_mismatch"),
                    count(plant, "duplicate"));
        }
        SandboxClearingFile.Written written = sandbox.write(day, plan);
        JsonArrayBuilder planted = Jsons.array();
        written.planted().forEach(p -> planted.add(Jsons.object().add("kind", p.kind())
                .add("acquirer_reference", p.acquirerReference()).add("type", p.type())
                .add("transaction_id", p.transactionId())));
        return Response.status(201).entity(Jsons.object().add("object", "clearing_file").add("file", written.file())
                .add("rows", written.rows()).add("planted", planted).build()).build();
    }

    private static int count(JsonBody plant, String name) {
        Integer n = plant.optionalInt(name);
        if (n != null && (n < 0 || n > 1000)) {
            throw new InvalidInputException("plant." + name, "must be 0 to 1000");
        }
        return n == null ? 0 : n;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "must be a date such as 2026-11-25");
        }
    }

    private static JsonObject json(ReconciliationRun run) {
        JsonObjectBuilder json = Jsons.object().add("id", run.id()).add("object", "reconciliation_run")
                .add("date", run.day().toString()).add("status", run.status()).add("file_rows", run.fileRows())
                .add("our_transactions", run.ourTransactions()).add("exceptions", run.exceptions())
                .add("requested_by", run.requestedBy()).add("requested_at", PaymentJson.format(run.requestedAt()));
        nullable(json, "merchant_id", run.merchantId());
        nullable(json, "failure", run.failure());
        nullable(json, "completed_at", PaymentJson.format(run.completedAt()));
        return json.build();
    }

    private static JsonObject json(ReconciliationException e) {
        JsonObjectBuilder json = Jsons.object().add("id", e.id()).add("object", "reconciliation_exception")
                .add("run_id", e.runId()).add("date", e.day()).add("kind", e.kind().wire())
                .add("acquirer_reference", e.acquirerReference()).add("type", e.type()).add("status", e.status())
                .add("created_at", PaymentJson.format(e.createdAt()));
        nullable(json, "merchant_id", e.merchantId());
        nullable(json, "payment_id", e.paymentId());
        JsonObjectBuilder ours = Jsons.object();
        if (e.ourAmount() == null) {
            json.addNull("ours");
        } else {
            json.add("ours", ours.add("amount", e.ourAmount()).add("currency", e.ourCurrency()));
        }
        if (e.theirAmount() == null) {
            json.addNull("theirs");
        } else {
            json.add("theirs", Jsons.object().add("amount", e.theirAmount()).add("currency", e.theirCurrency())
                    .add("transaction_id", e.theirTransactionId()));
        }
        nullable(json, "resolved_by", e.resolvedBy());
        nullable(json, "resolution", e.resolution());
        nullable(json, "resolved_at", PaymentJson.format(e.resolvedAt()));
        return json.build();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
