package io.tillpoint.interfaces.rest;

import io.tillpoint.application.SettlementService;
import io.tillpoint.batch.settlement.SettlementRunner;
import io.tillpoint.domain.model.settlement.SettlementRun;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Settlement runs for operators: ask for the run of a cut-off (202; the same cut-off again names the
 * same run and settles nothing twice; a failed run is started again from where it stopped), follow it
 * with its steps' progress, restart a failed one.
 */
@Path("/admin/settlement-runs")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminSettlementRunResource {

    private static final Logger LOG = Logger.getLogger(AdminSettlementRunResource.class.getName());

    @EJB
    SettlementService settlements;

    @EJB
    SettlementRunner runner;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    public Response request() {
        JsonBody body = ApiRequest.json(request, true).allowOnly("cutoff");
        Instant cutoff = Timestamps.parse(body.requiredString("cutoff", 40), "cutoff");
        SettlementRun run = settlements.requestRun(cutoff, AuditContexts.of(request, security));
        startNow(run.id());
        return accepted(run.id());
    }

    @POST
    @Path("/{id}/restart")
    public Response restart(@PathParam("id") String id) {
        SettlementRun run = settlements.run(PathIds.require("run", "settlement run", id));
        startNow(run.id());
        return accepted(run.id());
    }

    private void startNow(String runId) {
        try {
            runner.start(runId);
        } catch (RuntimeException e) {
            // Recorded: the run is failed and can be restarted; the schedule's look does not retry it.
            LOG.warning(() -> "settlement run " + runId + " did not start (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Response accepted(String runId) {
        return Response.accepted(json(runner.refreshed(settlements.run(runId))))
                .location(URI.create("/api/v1/admin/settlement-runs/" + runId)).build();
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") String id) {
        return json(runner.refreshed(settlements.run(PathIds.require("run", "settlement run", id))));
    }

    private JsonObject json(SettlementRun run) {
        JsonArrayBuilder ids = Jsons.array();
        settlements.settlementIds(run.id()).forEach(ids::add);
        JsonArrayBuilder steps = Jsons.array();
        runner.steps(run).forEach(s -> steps.add(Jsons.object().add("name", s.name())
                .add("status", s.status().toLowerCase(java.util.Locale.ROOT)).add("read", s.read())
                .add("written", s.written()).add("commits", s.commits())));
        JsonObjectBuilder json = Jsons.object().add("id", run.id()).add("object", "settlement_run")
                .add("cutoff", PaymentJson.format(run.cutoff())).add("status", run.status().wire())
                .add("settlement_ids", ids).add("transactions_settled", settlements.transactionsSettled(run.id()))
                .add("steps", steps).add("attempts", run.attempts()).add("requested_by", run.requestedBy())
                .add("requested_at", PaymentJson.format(run.requestedAt()));
        nullable(json, "execution_id", run.executionId());
        nullable(json, "started_at", run.startedAt());
        nullable(json, "completed_at", run.completedAt());
        if (run.failure() == null) {
            json.addNull("failure");
        } else {
            json.add("failure", run.failure());
        }
        return json.build();
    }

    private static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Long n) {
            json.add(name, n);
        } else {
            json.add(name, PaymentJson.format((Instant) value));
        }
    }
}
