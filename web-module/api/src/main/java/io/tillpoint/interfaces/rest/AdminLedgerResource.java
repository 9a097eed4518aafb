package io.tillpoint.interfaces.rest;

import io.tillpoint.application.LedgerCheck;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The ledger invariant for operators: {@code balanced} is true when every currency sums to zero. */
@Path("/admin/ledger/check")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
public class AdminLedgerResource {

    @EJB
    LedgerCheck ledger;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject check() {
        LedgerCheck.Result result = ledger.check();
        JsonArrayBuilder currencies = Jsons.array();
        result.currencies().forEach(c -> currencies.add(Jsons.object()
                .add("currency", c.currency()).add("sum", c.sum()).add("postings", c.postings())));
        JsonArrayBuilder unbalanced = Jsons.array();
        result.unbalancedJournals().forEach(unbalanced::add);
        return Jsons.object()
                .add("balanced", result.balanced())
                .add("currencies", currencies)
                .add("unbalanced_journals", unbalanced)
                .build();
    }
}
