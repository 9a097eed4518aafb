package io.tillpoint.infrastructure.connector.sandbox;

import io.tillpoint.infrastructure.connector.ConnectorScheduler;
import io.tillpoint.infrastructure.persistence.ApplicationDatabase;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The sandbox acquirer's records: what it decided for each operation, as a real acquirer keeps
 * them, so that it can answer an inquiry ("what happened to this authorization?") from any
 * instance and a drill can compare its approvals with the gateway's payments.
 *
 * <p>Records are written behind the answers, every {@value #FLUSH_MS} ms in one statement, so
 * the sandbox costs the payment path no round trip of its own; until then they are answered from
 * memory. The sandbox lives in the gateway's process: a {@code kill -9} loses what it decided in
 * its last {@value #FLUSH_MS} ms, as if those requests had never reached an acquirer (recovery
 * then finds no record, sends a reversal and declines). A real acquirer's records do not die
 * with the gateway.
 */
@ApplicationScoped
public class SandboxJournal {

    private static final Logger LOG = Logger.getLogger(SandboxJournal.class.getName());
    static final long FLUSH_MS = 50;
    private static final int MAX_BATCH = 500;

    private static final String COLUMNS = "operation_id, kind, payment_id, outcome, decline_code, authorization_code,"
            + " acquirer_reference, issuer_country, refuses_refunds, loses_operation_answers, amount, currency, recorded_at";

    /** Decided, not yet written: by operation id. */
    private final Map<String, SandboxRecord> unwritten = new ConcurrentHashMap<>();

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ConnectorScheduler scheduler;

    /** Without a database (unit tests): records stay in memory. */
    @PostConstruct
    void start() {
        scheduler.every(FLUSH_MS, this::flush);
    }

    @PreDestroy
    void stop() {
        flush();
    }

    /** Keeps {@code record}, replacing an earlier one of the same operation (a completed challenge). */
    public void keep(SandboxRecord record) {
        unwritten.put(record.operationId(), record);
    }

    /**
     * Keeps {@code record} unless the operation is on record already; the record that counts
     * (so that two sends of one operation at the same moment are decided once).
     */
    public SandboxRecord keepFirst(SandboxRecord record) {
        SandboxRecord earlier = unwritten.putIfAbsent(record.operationId(), record);
        return earlier != null ? earlier : record;
    }

    /** The record of {@code operationId}; empty when the sandbox never decided it. */
    public Optional<SandboxRecord> find(String operationId) {
        SandboxRecord pending = unwritten.get(operationId);
        if (pending != null || dataSource == null) {
            return Optional.ofNullable(pending);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS
                        + " from sandbox_acquirer_record where operation_id = ?")) {
            s.setString(1, operationId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox records unreadable: " + e.getSQLState(), e);
        }
    }

    /** The authorization record of {@code paymentId}, whose operation id is the payment's. */
    public Optional<SandboxRecord> authorizationOf(String paymentId) {
        return find(paymentId);
    }

    synchronized void flush() {
        if (unwritten.isEmpty() || dataSource == null) {
            return;
        }
        List<SandboxRecord> batch = new ArrayList<>(unwritten.values());
        while (!batch.isEmpty()) {
            List<SandboxRecord> part = batch.subList(0, Math.min(MAX_BATCH, batch.size()));
            write(part);
            for (SandboxRecord written : part) {
                unwritten.remove(written.operationId(), written);
            }
            part.clear();
        }
    }

    /**
     * One statement text, sent as a JDBC batch (one round trip). A multi-row VALUES list of
     * varying length was a new statement text at every flush: each one filled the connection's
     * prepared-statement cache and pushed out the payment's own statements, which PostgreSQL and
     * pgjdbc then parsed again (see docs/troubleshooting.md).
     */
    static final String UPSERT = "insert into sandbox_acquirer_record (" + COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (operation_id) do update set outcome = excluded.outcome,"
            + " decline_code = excluded.decline_code, authorization_code = excluded.authorization_code,"
            + " acquirer_reference = excluded.acquirer_reference, recorded_at = excluded.recorded_at";

    private void write(List<SandboxRecord> records) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (SandboxRecord r : records) {
                int n = 1;
                s.setString(n++, r.operationId());
                s.setString(n++, r.kind());
                s.setString(n++, r.paymentId());
                s.setString(n++, r.outcome());
                s.setString(n++, r.declineCode());
                s.setString(n++, r.authorizationCode());
                s.setString(n++, r.acquirerReference());
                s.setString(n++, r.issuerCountry());
                s.setBoolean(n++, r.refusesRefunds());
                s.setBoolean(n++, r.losesOperationAnswers());
                if (r.amount() == null) {
                    s.setNull(n++, Types.BIGINT);
                } else {
                    s.setLong(n++, r.amount());
                }
                s.setString(n++, r.currency());
                s.setObject(n, UtcTime.of(r.recordedAt()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            LOG.warning(() -> "sandbox records not written yet (" + e.getSQLState() + "); trying again");
            throw new IllegalStateException(e);
        }
    }

    private static SandboxRecord read(ResultSet r) throws SQLException {
        long amount = r.getLong("amount");
        Long knownAmount = r.wasNull() ? null : amount;
        return new SandboxRecord(r.getString("operation_id"), r.getString("kind"), r.getString("payment_id"),
                r.getString("outcome"), r.getString("decline_code"), r.getString("authorization_code"),
                r.getString("acquirer_reference"), r.getString("issuer_country"), r.getBoolean("refuses_refunds"),
                r.getBoolean("loses_operation_answers"), knownAmount, r.getString("currency"),
                r.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant());
    }

    /** One decision of the sandbox. */
    public record SandboxRecord(String operationId, String kind, String paymentId, String outcome, String declineCode,
            String authorizationCode, String acquirerReference, String issuerCountry, boolean refusesRefunds,
            boolean losesOperationAnswers, Long amount, String currency, Instant recordedAt) {
    }
}
