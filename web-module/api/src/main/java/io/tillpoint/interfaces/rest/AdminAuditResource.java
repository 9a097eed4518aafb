package io.tillpoint.interfaces.rest;

import io.tillpoint.application.AuditLog;
import io.tillpoint.domain.model.audit.Actor;
import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditQuery;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit trail for operators, newest first, a page at a time as the payments list pages:
 * {@code limit} (1 to 100, 10) entries after {@code starting_after} (an entry's id), filtered by
 * {@code actor} (a client id or user name), {@code action} ({@code merchant.suspended}) and
 * the time ({@code from} inclusive, {@code to} exclusive; RFC 3339 or Unix seconds).
 */
@Path("/admin/audit")
@ApplicationScoped
@RequiresRole(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    @EJB
    AuditLog audit;

    @GET
    public JsonObject list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter) {
        String actorId = empty(actor) ? null : Actor.requireFilter(actor, "actor");
        AuditAction what = empty(action) ? null : AuditAction.parse(action, "action");
        Instant since = Timestamps.parse(from, "from");
        Instant until = Timestamps.parse(to, "to");
        int pageSize = Paging.pageSize(limit);
        AuditEntry cursor = null;
        if (!empty(startingAfter)) {
            cursor = (startingAfter.length() <= 64 ? audit.find(startingAfter) : java.util.Optional.<AuditEntry>empty())
                    .orElseThrow(() -> new InvalidInputException("starting_after", "is not an audit entry"));
        }
        List<AuditEntry> page = audit.list(new AuditQuery(actorId, what, since, until, cursor, pageSize));
        JsonArrayBuilder data = Jsons.array();
        page.stream().limit(pageSize).forEach(e -> data.add(json(e)));
        return Jsons.object()
                .add("object", "list")
                .add("data", data)
                .add("has_more", page.size() > pageSize)
                .build();
    }

    static JsonObject json(AuditEntry e) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", e.id())
                .add("object", "audit_entry")
                .add("occurred_at", e.occurredAt().toString())
                .add("actor", Jsons.object().add("type", e.actor().type().wire()).add("id", e.actor().id()))
                .add("action", e.action().name())
                .add("target", Jsons.object().add("type", e.target().type()).add("id", e.target().id()));
        nullable(json, "origin_ip", e.originIp());
        nullable(json, "request_id", e.requestId());
        snapshot(json, "before", e.before());
        snapshot(json, "after", e.after());
        return json.build();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void snapshot(JsonObjectBuilder json, String name, AuditSnapshot snapshot) {
        if (snapshot == null) {
            json.addNull(name);
            return;
        }
        JsonObjectBuilder values = Jsons.object();
        for (Map.Entry<String, Object> v : snapshot.values().entrySet()) {
            if (v.getValue() == null) {
                values.addNull(v.getKey());
            } else if (v.getValue() instanceof Long n) {
                values.add(v.getKey(), n);
            } else if (v.getValue() instanceof Boolean b) {
                values.add(v.getKey(), b);
            } else {
                values.add(v.getKey(), v.getValue().toString());
            }
        }
        json.add(name, values);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
