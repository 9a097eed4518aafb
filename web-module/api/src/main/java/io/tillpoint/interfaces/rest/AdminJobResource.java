package io.tillpoint.interfaces.rest;

import io.tillpoint.batch.job.BatchJobs;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import io.tillpoint.infrastructure.json.Jsons;
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
import java.util.Properties;
import java.util.Set;

/**
 * Operators start housekeeping jobs on demand and follow them (they also run on a schedule). Each
 * start asked for here is in the audit trail ({@code job.started}).
 */
@Path("/admin/jobs")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminJobResource {

    private static final Set<String> JOBS = Set.of(BatchJobs.IDEMPOTENCY_PURGE, BatchJobs.PAYMENT_RECOVERY);

    @EJB
    BatchJobs jobs;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    @Path("/{name}")
    public Response start(@PathParam("name") String name) {
        if (!JOBS.contains(name)) {
            throw new NotFoundException("job", name.substring(0, Math.min(name.length(), 64)));
        }
        JsonBody body = ApiRequest.json(request, false).allowOnly("retention_hours");
        Properties parameters = new Properties();
        Long hours = body.optionalLong("retention_hours");
        if (hours != null) {
            if (hours < 24 || hours > 24 * 366) {
                throw new InvalidInputException("retention_hours", "must be 24 to 8784 (the contract keeps keys 24 hours)");
            }
            parameters.setProperty("retentionHours", hours.toString());
        }
        long execution = jobs.startFor(AuditContexts.of(request, security), name, parameters);
        return Response.accepted(execution(name, execution)).build();
    }

    @GET
    @Path("/executions/{id}")
    public JsonObject execution(@PathParam("id") long id) {
        return execution(null, id);
    }

    private JsonObject execution(String name, long id) {
        String status = jobs.status(id);
        if (status == null) {
            throw new NotFoundException("job execution", Long.toString(id));
        }
        var json = Jsons.object().add("id", id).add("status", status.toLowerCase(java.util.Locale.ROOT));
        if (name != null) {
            json.add("job", name);
        }
        return json.build();
    }
}
