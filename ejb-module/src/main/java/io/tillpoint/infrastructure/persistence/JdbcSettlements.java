package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.Posting;
import io.tillpoint.domain.model.settlement.Payout;
import io.tillpoint.domain.model.settlement.RunStatus;
import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementItem;
import io.tillpoint.domain.model.settlement.SettlementRun;
import io.tillpoint.domain.model.settlement.SettlementStatus;
import io.tillpoint.domain.model.settlement.Settlements;
import io.tillpoint.domain.model.settlement.TransactionKind;
import io.tillpoint.domain.model.settlement.UnsettledTransaction;
import io.tillpoint.domain.shared.Ids;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Settlement in {@code settlement_run}, {@code settlement}, {@code settlement_item} and {@code payout}
 * (V12), and the settlement's journals in the ledger's tables, on the connection of the caller's JTA
 * transaction (a chunk's, for {@link #addItems}: the items commit with the job's checkpoint).
 */
@ApplicationScoped
public class JdbcSettlements implements Settlements {

    private static final String RUN_COLUMNS = "id, cutoff, status, requested_by, requested_at, owner, lease_until,"
            + " execution_id, attempts, started_at, completed_at, failure";
    private static final String SETTLEMENT_COLUMNS = "id, run_id, merchant_id, currency, period_start, period_end,"
            + " gross, refunds, fees, transaction_count, status, carried_in, payout_amount, journal_id, created_at,"
            + " completed_at";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public SettlementRun runFor(Instant cutoff, String id, String requestedBy, Instant now) {
        JdbcRows.update(dataSource, "record a settlement run", "insert into settlement_run (id, cutoff, status,"
                + " requested_by, requested_at) values (?, ?, ?, ?, ?) on conflict (cutoff) do nothing", id,
                Timestamp.from(cutoff), RunStatus.REQUESTED.name(), requestedBy, Timestamp.from(now));
        return JdbcRows.list(dataSource, "settlement run", "select " + RUN_COLUMNS
                + " from settlement_run where cutoff = ?", JdbcSettlements::run, Timestamp.from(cutoff)).get(0);
    }

    @Override
    public Optional<SettlementRun> run(String runId) {
        return JdbcRows.list(dataSource, "settlement run", "select " + RUN_COLUMNS + " from settlement_run where id = ?",
                JdbcSettlements::run, runId).stream().findFirst();
    }

    @Override
    public List<SettlementRun> unfinishedRuns(int limit) {
        return JdbcRows.list(dataSource, "settlement runs", "select " + RUN_COLUMNS + " from settlement_run"
                + " where status <> 'COMPLETED' order by cutoff limit ?", JdbcSettlements::run, limit);
    }

    @Override
    public Optional<Instant> previousCutoff(Instant cutoff) {
        return JdbcRows.list(dataSource, "settlement runs", "select max(cutoff) from settlement_run where cutoff < ?",
                rs -> JdbcTimes.instant(rs, "max"), Timestamp.from(cutoff)).stream().filter(t -> t != null)
                .findFirst();
    }

    @Override
    public boolean takeLease(String runId, String owner, Instant now, Instant until) {
        return JdbcRows.update(dataSource, "take a settlement run's lease", "update settlement_run set owner = ?,"
                + " lease_until = ?, attempts = attempts + 1 where id = ? and status <> 'COMPLETED'"
                + " and (owner is null or owner = ? or lease_until is null or lease_until < ?)", owner,
                Timestamp.from(until), runId, owner, Timestamp.from(now)) == 1;
    }

    @Override
    public boolean renewLease(String runId, String owner, Instant until) {
        return JdbcRows.update(dataSource, "renew a settlement run's lease", "update settlement_run set lease_until = ?"
                + " where id = ? and owner = ?", Timestamp.from(until), runId, owner) == 1;
    }

    @Override
    public void recordStarted(String runId, String owner, long executionId, Instant now) {
        JdbcRows.update(dataSource, "record a settlement run's start", "update settlement_run set status = ?,"
                + " execution_id = ?, started_at = coalesce(started_at, ?), failure = null where id = ? and owner = ?",
                RunStatus.STARTED.name(), executionId, Timestamp.from(now), runId, owner);
    }

    @Override
    public void recordCompleted(String runId, Instant now) {
        JdbcRows.update(dataSource, "complete a settlement run", "update settlement_run set status = ?,"
                + " completed_at = ?, lease_until = null where id = ?", RunStatus.COMPLETED.name(),
                Timestamp.from(now), runId);
    }

    @Override
    public void recordFailed(String runId, String failure) {
        JdbcRows.update(dataSource, "record a settlement run's failure", "update settlement_run set status = ?,"
                + " failure = ?, lease_until = null where id = ? and status <> 'COMPLETED'", RunStatus.FAILED.name(),
                failure == null ? null : failure.substring(0, Math.min(500, failure.length())), runId);
    }

    @Override
    public List<UnsettledTransaction> unsettled(Instant cutoff, String afterJournalId, int limit) {
        return JdbcRows.list(dataSource, "unsettled transactions", "select j.id, j.merchant_id, j.type, j.payment_id,"
                + " j.created_at, r.currency, abs(r.amount) as amount, m.fee_percent_bps, m.fee_fixed"
                + " from ledger_journal j"
                + " join ledger_posting r on r.journal_id = j.id and r.account = 'ACQUIRER_RECEIVABLE'"
                + " join payment p on p.id = j.payment_id"
                + " join merchant m on m.id = j.merchant_id"
                + " where j.type in ('CAPTURE', 'REFUND') and j.created_at < ? and j.id > ?"
                + " and p.status <> 'IN_REVIEW'"
                + " and not exists (select 1 from settlement_item i where i.journal_id = j.id)"
                + " order by j.id limit ?",
                rs -> new UnsettledTransaction(rs.getString("id"), rs.getString("merchant_id"), rs.getString("currency"),
                        TransactionKind.valueOf(rs.getString("type")), rs.getString("payment_id"), rs.getLong("amount"),
                        rs.getTimestamp("created_at").toInstant(), rs.getInt("fee_percent_bps"),
                        rs.getLong("fee_fixed")),
                Timestamp.from(cutoff), afterJournalId == null ? "" : afterJournalId, limit);
    }

    @Override
    public void addItems(SettlementRun run, Instant periodStart, List<SettlementItem> items, Instant now) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (SettlementItem item : items) {
            long[] t = totals.computeIfAbsent(item.merchantId() + " " + item.currency(), k -> new long[4]);
            t[0] = Math.addExact(t[0], item.gross());
            t[1] = Math.addExact(t[1], item.refunds());
            t[2] = Math.addExact(t[2], item.fee());
            t[3]++;
        }
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> settlementIds = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("insert into settlement (id, run_id, merchant_id, currency,"
                    + " period_start, period_end, gross, refunds, fees, transaction_count, status, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict (run_id, merchant_id, currency)"
                    + " do update set gross = settlement.gross + excluded.gross,"
                    + " refunds = settlement.refunds + excluded.refunds, fees = settlement.fees + excluded.fees,"
                    + " transaction_count = settlement.transaction_count + excluded.transaction_count"
                    + " where settlement.status = 'OPEN' returning id")) {
                for (Map.Entry<String, long[]> group : totals.entrySet()) {
                    String[] key = group.getKey().split(" ");
                    long[] t = group.getValue();
                    s.setString(1, Ids.newId("stl"));
                    s.setString(2, run.id());
                    s.setString(3, key[0]);
                    s.setString(4, key[1]);
                    s.setTimestamp(5, Timestamp.from(periodStart));
                    s.setTimestamp(6, Timestamp.from(run.cutoff()));
                    s.setLong(7, t[0]);
                    s.setLong(8, t[1]);
                    s.setLong(9, t[2]);
                    s.setLong(10, t[3]);
                    s.setTimestamp(11, Timestamp.from(now));
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("settlement of " + group.getKey() + " in run " + run.id()
                                    + " is completed already");
                        }
                        settlementIds.put(group.getKey(), rs.getString(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into settlement_item (journal_id, settlement_id, kind,"
                    + " payment_id, amount, fee, occurred_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (SettlementItem item : items) {
                    s.setString(1, item.journalId());
                    s.setString(2, settlementIds.get(item.merchantId() + " " + item.currency()));
                    s.setString(3, item.kind().name());
                    s.setString(4, item.paymentId());
                    s.setLong(5, item.amount());
                    s.setLong(6, item.fee());
                    s.setTimestamp(7, Timestamp.from(item.occurredAt()));
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not add " + items.size() + " transactions to settlements", e);
        }
    }

    @Override
    public List<Settlement> openSettlements(String runId) {
        return JdbcRows.list(dataSource, "open settlements", "select " + SETTLEMENT_COLUMNS + " from settlement"
                + " where run_id = ? and status = 'OPEN' order by id", JdbcSettlements::settlement, runId);
    }

    @Override
    public List<String> settlementIds(String runId) {
        return JdbcRows.list(dataSource, "settlements", "select id from settlement where run_id = ? order by id",
                rs -> rs.getString(1), runId);
    }

    @Override
    public long lockAndReadOwed(String merchantId, String currency) {
        JdbcRows.list(dataSource, "the merchant's balance lock", "select pg_advisory_xact_lock(hashtext(?))",
                rs -> 0, "settlement " + merchantId + " " + currency);
        return JdbcRows.count(dataSource, "the merchant's settled balance", "select coalesce(-sum(amount), 0)"
                + " from ledger_posting where merchant_id = ? and account = 'MERCHANT_SETTLED' and currency = ?",
                merchantId, currency);
    }

    @Override
    public void appendJournal(Journal journal) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into ledger_journal (id, type, merchant_id,"
                    + " payment_id, created_at, settles) values (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, journal.id());
                s.setString(2, journal.type().name());
                s.setString(3, journal.merchantId());
                s.setString(4, journal.paymentId());
                s.setTimestamp(5, Timestamp.from(journal.createdAt()));
                s.setString(6, journal.settles());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into ledger_posting (id, journal_id, account,"
                    + " merchant_id, currency, amount) values (?, ?, ?, ?, ?, ?)")) {
                for (Posting p : journal.postings()) {
                    s.setString(1, p.id());
                    s.setString(2, journal.id());
                    s.setString(3, p.account().name());
                    s.setString(4, journal.merchantId());
                    s.setString(5, p.currency());
                    s.setLong(6, p.amount());
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not append journal " + journal.type() + " of " + journal.settles(), e);
        }
    }

    @Override
    public boolean complete(String settlementId, long carriedIn, long payout, String journalId, Instant now) {
        return JdbcRows.update(dataSource, "complete a settlement", "update settlement set status = 'COMPLETED',"
                + " carried_in = ?, payout_amount = ?, journal_id = ?, completed_at = ? where id = ? and status = 'OPEN'",
                carriedIn, payout, journalId, Timestamp.from(now), settlementId) == 1;
    }

    @Override
    public void addPayout(Payout payout) {
        JdbcRows.update(dataSource, "record a payout", "insert into payout (id, settlement_id, merchant_id, currency,"
                + " amount, journal_id, created_at) values (?, ?, ?, ?, ?, ?, ?)", payout.id(), payout.settlementId(),
                payout.merchantId(), payout.currency(), payout.amount(), payout.journalId(),
                Timestamp.from(payout.createdAt()));
    }

    @Override
    public Optional<Settlement> settlement(String settlementId) {
        return JdbcRows.list(dataSource, "settlement", "select " + SETTLEMENT_COLUMNS + " from settlement where id = ?",
                JdbcSettlements::settlement, settlementId).stream().findFirst();
    }

    @Override
    public List<Settlement> settlementsOf(String merchantId, String startingAfter, int limit) {
        if (startingAfter == null) {
            return JdbcRows.list(dataSource, "settlements", "select " + SETTLEMENT_COLUMNS + " from settlement"
                    + " where merchant_id = ? order by period_end desc, id desc limit ?", JdbcSettlements::settlement,
                    merchantId, limit);
        }
        return JdbcRows.list(dataSource, "settlements", "select " + SETTLEMENT_COLUMNS + " from settlement s"
                + " where merchant_id = ? and (period_end, id) < (select period_end, id from settlement"
                + " where id = ? and merchant_id = ?) order by period_end desc, id desc limit ?",
                JdbcSettlements::settlement, merchantId, startingAfter, merchantId, limit);
    }

    @Override
    public List<SettlementItem> items(String settlementId) {
        return JdbcRows.list(dataSource, "settlement items", "select i.journal_id, s.merchant_id, s.currency, i.kind,"
                + " i.payment_id, i.amount, i.fee, i.occurred_at from settlement_item i"
                + " join settlement s on s.id = i.settlement_id where i.settlement_id = ? order by i.journal_id",
                rs -> new SettlementItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        TransactionKind.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6), rs.getLong(7),
                        rs.getTimestamp(8).toInstant()),
                settlementId);
    }

    @Override
    public Optional<Payout> payoutOf(String settlementId) {
        return JdbcRows.list(dataSource, "payout", "select id, settlement_id, merchant_id, currency, amount, journal_id,"
                + " created_at from payout where settlement_id = ?",
                rs -> new Payout(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()),
                settlementId).stream().findFirst();
    }

    @Override
    public long itemCount(String runId) {
        return JdbcRows.count(dataSource, "settled transactions", "select coalesce(sum(transaction_count), 0)"
                + " from settlement where run_id = ?", runId);
    }

    private static SettlementRun run(ResultSet rs) throws SQLException {
        Long execution = rs.getObject("execution_id", Long.class);
        return new SettlementRun(rs.getString("id"), rs.getTimestamp("cutoff").toInstant(),
                RunStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("owner"), JdbcTimes.instant(rs, "lease_until"),
                execution, rs.getInt("attempts"), JdbcTimes.instant(rs, "started_at"),
                JdbcTimes.instant(rs, "completed_at"), rs.getString("failure"));
    }

    private static Settlement settlement(ResultSet rs) throws SQLException {
        return new Settlement(rs.getString("id"), rs.getString("run_id"), rs.getString("merchant_id"),
                rs.getString("currency"), rs.getTimestamp("period_start").toInstant(),
                rs.getTimestamp("period_end").toInstant(), rs.getLong("gross"), rs.getLong("refunds"),
                rs.getLong("fees"), rs.getInt("transaction_count"), SettlementStatus.valueOf(rs.getString("status")),
                rs.getObject("carried_in", Long.class), rs.getObject("payout_amount", Long.class),
                rs.getString("journal_id"), rs.getTimestamp("created_at").toInstant(),
                JdbcTimes.instant(rs, "completed_at"));
    }
}
