package io.tillpoint.interfaces.rest;

import io.tillpoint.application.SettlementService;
import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.infrastructure.json.SettlementJson;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** A merchant's settlements, newest period first, one of them, and its files. Another merchant's is a 404. */
@Path("/settlements")
@ApplicationScoped
@RequiresRole(Roles.MERCHANT)
@Produces(MediaType.APPLICATION_JSON)
public class SettlementResource {

    @EJB
    SettlementService settlements;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list(@QueryParam("limit") String limit, @QueryParam("starting_after") String startingAfter) {
        int pageSize = Paging.pageSize(limit);
        String merchant = Caller.merchantOf(request, security);
        if (startingAfter != null) {
            settlements.settlementOf(merchant, PathIds.require("stl", "settlement", startingAfter));
        }
        List<Settlement> page = settlements.settlementsOf(merchant, startingAfter, pageSize + 1);
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(pageSize).forEach(s -> data.add(SettlementJson.of(s)));
        return Jsons.object().add("object", "list").add("data", data).add("has_more", page.size() > pageSize).build();
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") String id) {
        return SettlementJson.of(settlements.settlementOf(Caller.merchantOf(request, security),
                PathIds.require("stl", "settlement", id)));
    }
}
