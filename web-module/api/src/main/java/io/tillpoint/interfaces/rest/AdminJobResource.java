package io.tillpoint.interfaces.rest;

import io.tillpoint.application.JobStarts;
import io.tillpoint.application.PaymentResponses;
import io.tillpoint.batch.job.BatchJobs;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.job.JobName;
import io.tillpoint.domain.model.job.JobRequest;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Operators start housekeeping jobs on demand and follow them (they also run on a schedule). A
 * start is a job request ({@code jrq_...}), committed with its audit entry ({@code job.started})
 * and its idempotency key's answer before the job runs: the answer is 202 {@code requested}, and
 * {@code GET /admin/jobs/requests/{id}} follows it to its execution.
 */
@Path("/admin/jobs")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminJobResource {

    private static final Logger LOG = Logger.getLogger(AdminJobResource.class.getName());

    @EJB
    JobStarts starts;

    @EJB
    BatchJobs jobs;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    @Path("/{name}")
    public Response start(@PathParam("name") String name) {
        JobName job = JobName.fromPath(name);
        JsonBody body = ApiRequest.json(request, false).allowOnly("retention_hours");
        Long hours = body.optionalLong("retention_hours");
        if (hours != null && (hours < 24 || hours > 24 * 366)) {
            throw new InvalidInputException("retention_hours", "must be 24 to 8784 (the contract keeps keys 24 hours)");
        }
        Map<String, String> parameters = hours == null ? Map.of() : Map.of("retention_hours", hours.toString());
        JobRequest requested = starts.request(job, parameters, AuditContexts.of(request, security),
                IdempotencyFilter.claimedRequest(request), AdminJobResource::requestedAnswer);
        try {
            jobs.startRequested(requested.id());
        } catch (RuntimeException e) {
            // Committed: the recovery timer's sweep starts it on this or another instance.
            LOG.warning(() -> "job request " + requested.id() + " did not start at once (" + e.getClass().getSimpleName()
                    + "); the next sweep starts it");
        }
        return IdempotencyFilter.toResponse(requestedAnswer(requested));
    }

    private static StoredResponse requestedAnswer(JobRequest requested) {
        return PaymentResponses.json(202, Jsons.object().add("id", requested.id()).add("job", requested.job().wire())
                .add("status", "requested").build(), "/api/v1/admin/jobs/requests/" + requested.id());
    }

    @GET
    @Path("/requests/{id}")
    public JsonObject request(@PathParam("id") String id) {
        JobRequest requested = starts.find(id);
        JsonObjectBuilder json = Jsons.object().add("id", requested.id()).add("job", requested.job().wire());
        if (requested.executionId() == null) {
            return json.add("status", "requested").addNull("execution_id").build();
        }
        String status = jobs.status(requested.executionId());
        return json.add("status", status == null ? "started" : status.toLowerCase(Locale.ROOT))
                .add("execution_id", requested.executionId()).build();
    }

    @GET
    @Path("/executions/{id}")
    public JsonObject execution(@PathParam("id") long id) {
        String status = jobs.status(id);
        if (status == null) {
            throw new NotFoundException("job execution", Long.toString(id));
        }
        return Jsons.object().add("id", id).add("status", status.toLowerCase(Locale.ROOT)).build();
    }
}
