package io.tillpoint.interfaces.rest;

import io.tillpoint.application.LedgerCheck;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The ledger invariant for operators: {@code balanced} is true when every currency sums to zero. */
@Path("/admin/ledger/check")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminLedgerResource {

    @Inject
    LedgerCheck ledger;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject check() {
        LedgerCheck.Result result = ledger.check();
        JsonArrayBuilder currencies = Json.createArrayBuilder();
        result.currencies().forEach(c -> currencies.add(Json.createObjectBuilder()
                .add("currency", c.currency()).add("sum", c.sum()).add("postings", c.postings())));
        JsonArrayBuilder unbalanced = Json.createArrayBuilder();
        result.unbalancedJournals().forEach(unbalanced::add);
        return Json.createObjectBuilder()
                .add("balanced", result.balanced())
                .add("currencies", currencies)
                .add("unbalanced_journals", unbalanced)
                .build();
    }
}
