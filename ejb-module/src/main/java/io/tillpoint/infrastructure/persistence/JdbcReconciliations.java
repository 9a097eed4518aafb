package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.reconciliation.ClearedTransaction;
import io.tillpoint.domain.model.reconciliation.ExceptionKind;
import io.tillpoint.domain.model.reconciliation.Mismatch;
import io.tillpoint.domain.model.reconciliation.ReconciliationException;
import io.tillpoint.domain.model.reconciliation.ReconciliationRun;
import io.tillpoint.domain.model.reconciliation.Reconciliations;
import io.tillpoint.domain.shared.Ids;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reconciliation runs and exceptions (V13), and our side of a day from the ledger, on the caller's transaction. */
@ApplicationScoped
public class JdbcReconciliations implements Reconciliations {

    private static final String RUN_COLUMNS = "id, day, merchant_id, status, requested_by, requested_at, execution_id, file_rows,"
            + " our_transactions, exceptions, failure, completed_at";
    private static final String EXCEPTION_COLUMNS = "id, run_id, day, kind, merchant_id, acquirer_reference, payment_id,"
            + " type, our_amount, our_currency, their_amount, their_currency, their_transaction_id, status, resolved_by,"
            + " resolution, resolved_at, created_at";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void addRun(ReconciliationRun run) {
        JdbcRows.update(dataSource, "record a reconciliation run", "insert into reconciliation_run (id, day, merchant_id,"
                + " status, requested_by, requested_at) values (?, ?, ?, ?, ?, ?)", run.id(), Date.valueOf(run.day()),
                run.merchantId(), run.status(),
                run.requestedBy(), Timestamp.from(run.requestedAt()));
    }

    @Override
    public Optional<ReconciliationRun> run(String id) {
        return JdbcRows.list(dataSource, "reconciliation run", "select " + RUN_COLUMNS
                + " from reconciliation_run where id = ?", JdbcReconciliations::run, id).stream().findFirst();
    }

    @Override
    public void recordStarted(String runId, long executionId) {
        JdbcRows.update(dataSource, "record a reconciliation's start", "update reconciliation_run set status ="
                + " 'started', execution_id = ? where id = ? and status = 'requested'", executionId, runId);
    }

    @Override
    public void recordDone(String runId, int fileRows, int ourTransactions, int exceptions, Instant at) {
        JdbcRows.update(dataSource, "complete a reconciliation", "update reconciliation_run set status = 'completed',"
                + " file_rows = ?, our_transactions = ?, exceptions = ?, completed_at = ?, failure = null where id = ?",
                fileRows, ourTransactions, exceptions, Timestamp.from(at), runId);
    }

    @Override
    public void recordFailed(String runId, String failure) {
        JdbcRows.update(dataSource, "record a reconciliation's failure", "update reconciliation_run set status ="
                + " 'failed', failure = ? where id = ? and status <> 'completed'",
                failure.substring(0, Math.min(500, failure.length())), runId);
    }

    @Override
    public List<ClearedTransaction> oursOn(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return JdbcRows.list(dataSource, "the day's transactions", "select j.id, j.merchant_id, p.acquirer_reference,"
                + " p.id as payment_id, j.type, abs(r.amount) as amount, r.currency from ledger_journal j"
                + " join ledger_posting r on r.journal_id = j.id and r.account = 'ACQUIRER_RECEIVABLE'"
                + " join payment p on p.id = j.payment_id"
                + " where j.type in ('CAPTURE', 'REFUND') and j.created_at >= ? and j.created_at < ?",
                rs -> new ClearedTransaction(rs.getString("id"), rs.getString("merchant_id"),
                        rs.getString("acquirer_reference"), rs.getString("payment_id"),
                        rs.getString("type").equals("CAPTURE") ? "capture" : "refund", rs.getLong("amount"),
                        rs.getString("currency")),
                Timestamp.from(from), Timestamp.from(from.plusSeconds(86_400)));
    }

    @Override
    public void addException(String runId, LocalDate day, Mismatch m, Instant at) {
        ClearedTransaction ours = m.ours();
        ClearedTransaction theirs = m.theirs();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("insert into"
                + " reconciliation_exception (id, version, run_id, day, kind, merchant_id, acquirer_reference, payment_id,"
                + " type, our_amount, our_currency, their_amount, their_currency, their_transaction_id, status, created_at)"
                + " values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)")) {
            s.setString(1, Ids.newId("rex"));
            s.setString(2, runId);
            s.setDate(3, Date.valueOf(day));
            s.setString(4, m.kind().name());
            s.setString(5, ours != null ? ours.merchantId() : theirs.merchantId());
            s.setString(6, m.acquirerReference());
            s.setString(7, ours != null ? ours.paymentId() : null);
            s.setString(8, m.type());
            s.setObject(9, ours == null ? null : ours.amount(), Types.BIGINT);
            s.setString(10, ours == null ? null : ours.currency());
            s.setObject(11, theirs == null ? null : theirs.amount(), Types.BIGINT);
            s.setString(12, theirs == null ? null : theirs.currency());
            s.setString(13, theirs == null ? null : theirs.transactionId());
            s.setTimestamp(14, Timestamp.from(at));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not record a reconciliation exception", e);
        }
    }

    @Override
    public List<ReconciliationException> exceptions(String status, String runId, String startingAfter, int limit) {
        StringBuilder sql = new StringBuilder("select " + EXCEPTION_COLUMNS + " from reconciliation_exception where true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (runId != null) {
            sql.append(" and run_id = ?");
            params.add(runId);
        }
        if (startingAfter != null) {
            sql.append(" and id > ?");
            params.add(startingAfter);
        }
        sql.append(" order by id limit ?");
        params.add(limit);
        return JdbcRows.list(dataSource, "reconciliation exceptions", sql.toString(), JdbcReconciliations::exception,
                params.toArray());
    }

    @Override
    public Optional<ReconciliationException> exception(String id) {
        return JdbcRows.list(dataSource, "reconciliation exception", "select " + EXCEPTION_COLUMNS
                + " from reconciliation_exception where id = ?", JdbcReconciliations::exception, id).stream().findFirst();
    }

    @Override
    public boolean resolve(String id, String by, String reason, Instant at) {
        return JdbcRows.update(dataSource, "resolve a reconciliation exception", "update reconciliation_exception set"
                + " status = 'resolved', resolved_by = ?, resolution = ?, resolved_at = ?, version = version + 1"
                + " where id = ? and status = 'open'", by, reason, Timestamp.from(at), id) == 1;
    }

    private static ReconciliationRun run(ResultSet rs) throws SQLException {
        return new ReconciliationRun(rs.getString("id"), rs.getDate("day").toLocalDate(), rs.getString("merchant_id"),
                rs.getString("status"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getObject("execution_id", Long.class), rs.getInt("file_rows"), rs.getInt("our_transactions"),
                rs.getInt("exceptions"), rs.getString("failure"), JdbcTimes.instant(rs, "completed_at"));
    }

    private static ReconciliationException exception(ResultSet rs) throws SQLException {
        return new ReconciliationException(rs.getString("id"), rs.getString("run_id"), rs.getDate("day").toString(),
                ExceptionKind.valueOf(rs.getString("kind")), rs.getString("merchant_id"),
                rs.getString("acquirer_reference"), rs.getString("payment_id"), rs.getString("type"),
                rs.getObject("our_amount", Long.class), rs.getString("our_currency"),
                rs.getObject("their_amount", Long.class), rs.getString("their_currency"),
                rs.getString("their_transaction_id"), rs.getString("status"), rs.getString("resolved_by"),
                rs.getString("resolution"), JdbcTimes.instant(rs, "resolved_at"),
                rs.getTimestamp("created_at").toInstant());
    }
}
