package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.audit.Actor;
import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditQuery;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Audit entries in {@code audit_entry} through JDBC. Appended on the connection of the caller's
 * JTA transaction (the pool hands the transaction one connection), so an entry commits or rolls
 * back with its action. The snapshots are stored as {@code jsonb}; the table refuses UPDATE and
 * DELETE (V5_1).
 */
@ApplicationScoped
public class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "id, occurred_at, actor_type, actor_id, action, target_type, target_id,"
            + " origin_ip, request_id, before_state, after_state";
    static final String INSERT = "insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " cast(? as jsonb), cast(? as jsonb))";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void append(AuditEntry entry) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, entry.id());
            s.setTimestamp(2, Timestamp.from(entry.occurredAt()));
            s.setString(3, entry.actor().type().wire());
            s.setString(4, entry.actor().id());
            s.setString(5, entry.action().name());
            s.setString(6, entry.target().type());
            s.setString(7, entry.target().id());
            s.setString(8, entry.originIp());
            s.setString(9, entry.requestId());
            s.setString(10, toJson(entry.before()));
            s.setString(11, toJson(entry.after()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not append audit entry " + entry.id(), e);
        }
    }

    @Override
    public Optional<AuditEntry> find(String entryId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from audit_entry where id = ?")) {
            s.setString(1, entryId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read audit entry", e);
        }
    }

    @Override
    public List<AuditEntry> list(AuditQuery q) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from audit_entry where true");
        List<Object> params = new ArrayList<>();
        if (q.actorId() != null) {
            sql.append(" and actor_id = ?");
            params.add(q.actorId());
        }
        if (q.action() != null) {
            sql.append(" and action = ?");
            params.add(q.action().name());
        }
        if (q.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(q.to()));
        }
        if (q.startingAfter() != null) {
            sql.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
            params.add(Timestamp.from(q.startingAfter().occurredAt()));
            params.add(Timestamp.from(q.startingAfter().occurredAt()));
            params.add(q.startingAfter().id());
        }
        sql.append(" order by occurred_at desc, id desc limit ?");
        params.add(q.limit() + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new PersistenceException("could not list audit entries", e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString("id"), rs.getTimestamp("occurred_at").toInstant(),
                new Actor(Actor.Type.ofWire(rs.getString("actor_type")), rs.getString("actor_id")),
                new AuditAction(rs.getString("action")),
                new AuditTarget(rs.getString("target_type"), rs.getString("target_id")),
                rs.getString("origin_ip"), rs.getString("request_id"),
                fromJson(rs.getString("before_state")), fromJson(rs.getString("after_state")));
    }

    static String toJson(AuditSnapshot snapshot) {
        if (snapshot == null) {
            return null;
        }
        JsonObjectBuilder json = Jsons.object();
        for (Map.Entry<String, Object> e : snapshot.values().entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                json.addNull(e.getKey());
            } else if (v instanceof Long n) {
                json.add(e.getKey(), n);
            } else if (v instanceof Boolean b) {
                json.add(e.getKey(), b);
            } else {
                json.add(e.getKey(), v.toString());
            }
        }
        return json.build().toString();
    }

    /** Reads a stored snapshot back; values went in masked and are not masked twice, only kept. */
    static AuditSnapshot fromJson(String json) {
        if (json == null) {
            return null;
        }
        JsonObject object;
        try (JsonReader reader = Jsons.reader(new StringReader(json))) {
            object = reader.readObject();
        }
        AuditSnapshot.Builder snapshot = AuditSnapshot.builder();
        object.forEach((name, value) -> {
            switch (value.getValueType()) {
                case STRING -> snapshot.text(name, ((JsonString) value).getString());
                case NUMBER -> snapshot.number(name, ((JsonNumber) value).longValue());
                case TRUE -> snapshot.flag(name, true);
                case FALSE -> snapshot.flag(name, false);
                case NULL -> snapshot.text(name, null);
                default -> snapshot.text(name, value.toString());
            }
        });
        return snapshot.build();
    }
}
