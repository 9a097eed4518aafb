package io.tillpoint.interfaces.rest;

import io.tillpoint.application.SettlementService;
import io.tillpoint.batch.file.Camt053Statement;
import io.tillpoint.batch.file.Pain001Payout;
import io.tillpoint.batch.file.SettlementCsv;
import io.tillpoint.batch.file.SettlementStatement;
import io.tillpoint.domain.model.settlement.Payout;
import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementStatus;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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

    /**
     * The settlement's file: {@code csv} (the detail report), {@code camt053} (the ISO 20022 statement)
     * or {@code pain001} (the payout's ISO 20022 credit transfer; 404 when the settlement paid nothing
     * out), as an attachment named after the settlement or payout. 409 while the settlement is open.
     */
    @GET
    @Path("/{id}/file")
    @Produces({"text/csv", "application/xml", MediaType.APPLICATION_JSON})
    public Response file(@PathParam("id") String id, @QueryParam("format") String format) {
        Settlement s = settlements.settlementOf(Caller.merchantOf(request, security),
                PathIds.require("stl", "settlement", id));
        if (format == null || !format.matches("csv|camt053|pain001")) {
            throw new InvalidInputException("format", "must be csv, camt053 or pain001");
        }
        if (s.status() != SettlementStatus.COMPLETED) {
            throw new InvalidStateException("The settlement is not completed yet; its files follow when it is");
        }
        Optional<Payout> payout = settlements.payoutOf(s.id());
        SettlementStatement statement = new SettlementStatement(s, settlements.items(s.id()), payout);
        return switch (format) {
            case "csv" -> attachment(SettlementCsv.write(statement), SettlementCsv.CONTENT_TYPE, SettlementCsv.fileName(s));
            case "camt053" -> attachment(Camt053Statement.write(statement), Camt053Statement.CONTENT_TYPE,
                    Camt053Statement.fileName(s));
            default -> {
                Payout paid = payout.orElseThrow(() -> new NotFoundException("payout of settlement", s.id()));
                yield attachment(Pain001Payout.write(paid), Pain001Payout.CONTENT_TYPE, Pain001Payout.fileName(paid));
            }
        };
    }

    private static Response attachment(String body, String contentType, String fileName) {
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), contentType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") String id) {
        return SettlementJson.of(settlements.settlementOf(Caller.merchantOf(request, security),
                PathIds.require("stl", "settlement", id)));
    }
}
