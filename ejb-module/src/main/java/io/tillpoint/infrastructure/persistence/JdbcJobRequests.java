package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.job.JobName;
import io.tillpoint.domain.model.job.JobRequest;
import io.tillpoint.domain.model.job.JobRequests;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Job requests in {@code job_request} (V7), on the connection of the caller's JTA transaction. */
@ApplicationScoped
public class JdbcJobRequests implements JobRequests {

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void add(JobRequest request) {
        JsonObjectBuilder parameters = Jsons.object();
        request.parameters().forEach(parameters::add);
        update("insert into job_request (id, job, parameters, requested_by, requested_at)"
                + " values (?, ?, cast(? as jsonb), ?, ?)", s -> {
                    s.setString(1, request.id());
                    s.setString(2, request.job().wire());
                    s.setString(3, parameters.build().toString());
                    s.setString(4, request.requestedBy());
                    s.setTimestamp(5, Timestamp.from(request.requestedAt()));
                });
    }

    @Override
    public Optional<JobRequest> find(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, job, parameters, requested_by, requested_at, execution_id from job_request where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(request(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read job request", e);
        }
    }

    @Override
    public boolean claimStart(String id, Instant now, Instant leaseStartedAfter) {
        return update("update job_request set start_claimed_at = ? where id = ? and execution_id is null"
                + " and (start_claimed_at is null or start_claimed_at < ?)", s -> {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setString(2, id);
                    s.setTimestamp(3, Timestamp.from(leaseStartedAfter));
                }) == 1;
    }

    @Override
    public void releaseClaim(String id) {
        update("update job_request set start_claimed_at = null where id = ? and execution_id is null",
                s -> s.setString(1, id));
    }

    @Override
    public void recordStarted(String id, long executionId, Instant now) {
        update("update job_request set execution_id = ?, started_at = ? where id = ?", s -> {
            s.setLong(1, executionId);
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, id);
        });
    }

    @Override
    public List<String> unstarted(Instant askedBefore, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id from job_request where execution_id is null and requested_at < ?"
                        + " order by requested_at limit ?")) {
            s.setTimestamp(1, Timestamp.from(askedBefore));
            s.setInt(2, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new PersistenceException("could not read job requests", e);
        }
    }

    private static JobRequest request(ResultSet rs) throws SQLException {
        JsonObject json;
        try (JsonReader reader = Jsons.reader(new StringReader(rs.getString("parameters")))) {
            json = reader.readObject();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        json.forEach((name, value) -> parameters.put(name, ((JsonString) value).getString()));
        Long execution = rs.getObject("execution_id", Long.class);
        return new JobRequest(rs.getString("id"), JobName.fromWire(rs.getString("job")), parameters,
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), execution);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not write job request", e);
        }
    }
}
