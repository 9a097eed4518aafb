package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.console.PaymentStatistics;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The dashboard's summaries, {@code payment_stats_hourly} and {@code refund_stats_hourly} (V11):
 * one row per hour, merchant, currency, outcome and decline code. A period of 90 days reads at
 * most 2,160 hours times the merchants and currencies that had payments, whatever the number of
 * payments; the open reviews come from the partial index {@code risk_review_open}. A refresh
 * rebuilds the recent hours in one transaction, under a transaction-scoped advisory lock so that
 * one instance does it at a time, from the payments by {@code payment_created} and the refunds by
 * {@code refund_created}.
 */
@ApplicationScoped
public class JdbcPaymentStatistics implements PaymentStatistics {

    /** pg advisory lock key of the refresh ("dashboard" on a phone keypad, shortened). */
    static final long REFRESH_LOCK = 327_422_7L;

    static final String OUTCOME = "case when status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED',"
            + " 'VOIDED') then 'approved' when status = 'DECLINED' then 'declined' else 'pending' end";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public List<Bucket> buckets(Instant from, Instant to, boolean daily, String merchantId, String currency) {
        String unit = daily ? "day" : "hour";
        List<Object> params = new ArrayList<>();
        StringBuilder filter = new StringBuilder(" where hour >= ? and hour < ?");
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(to));
        if (merchantId != null) {
            filter.append(" and merchant_id = ?");
            params.add(merchantId);
        }
        if (currency != null) {
            filter.append(" and currency = ?");
            params.add(currency);
        }
        List<Object> all = new ArrayList<>(params);
        all.addAll(params);
        String sql = "with p as (select date_trunc('" + unit + "', hour, 'UTC') as bucket, currency,"
                + " sum(payments) filter (where outcome = 'approved') as approved,"
                + " sum(amount) filter (where outcome = 'approved') as approved_amount,"
                + " sum(payments) filter (where outcome = 'declined') as declined,"
                + " sum(payments) filter (where outcome = 'pending') as pending"
                + " from payment_stats_hourly" + filter + " group by 1, 2),"
                + " r as (select date_trunc('" + unit + "', hour, 'UTC') as bucket, currency, sum(refunds) as refunds,"
                + " sum(amount) as refunded from refund_stats_hourly" + filter + " group by 1, 2)"
                + " select coalesce(p.bucket, r.bucket) as bucket, coalesce(p.currency, r.currency) as currency,"
                + " coalesce(approved, 0), coalesce(approved_amount, 0), coalesce(declined, 0), coalesce(pending, 0),"
                + " coalesce(refunds, 0), coalesce(refunded, 0)"
                + " from p full join r on r.bucket = p.bucket and r.currency = p.currency order by 1, 2";
        return JdbcRows.list(dataSource, "dashboard figures", sql, rs -> new Bucket(JdbcTimes.instant(rs, "bucket"),
                rs.getString("currency"), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8)), all.toArray());
    }

    @Override
    public List<DeclineCount> declines(Instant from, Instant to, String merchantId, String currency, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select lower(decline_code), sum(payments) from payment_stats_hourly"
                + " where outcome = 'declined' and hour >= ? and hour < ?");
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(to));
        if (merchantId != null) {
            sql.append(" and merchant_id = ?");
            params.add(merchantId);
        }
        if (currency != null) {
            sql.append(" and currency = ?");
            params.add(currency);
        }
        sql.append(" group by 1 order by 2 desc, 1 limit ?");
        params.add(limit);
        return JdbcRows.list(dataSource, "declines", sql.toString(),
                rs -> new DeclineCount(rs.getString(1).isEmpty() ? "unknown" : rs.getString(1), rs.getLong(2)),
                params.toArray());
    }

    @Override
    public long inReview(String merchantId) {
        return merchantId == null
                ? JdbcRows.count(dataSource, "open reviews", "select count(*) from risk_review where decided_at is null")
                : JdbcRows.count(dataSource, "open reviews",
                        "select count(*) from risk_review where decided_at is null and merchant_id = ?", merchantId);
    }

    @Override
    public Instant firstBuild() {
        List<Instant> built = JdbcRows.list(dataSource, "dashboard summaries",
                "select (select max(hour) from payment_stats_hourly), (select min(created_at) from payment)",
                rs -> rs.getTimestamp(1) == null ? JdbcTimes.instant(rs, "min") : null);
        return built.get(0);
    }

    @Override
    public boolean refresh(Instant since) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, REFRESH_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
            Timestamp from = Timestamp.from(since);
            run(c, "delete from payment_stats_hourly where hour >= date_trunc('hour', ?::timestamptz, 'UTC')", from);
            run(c, "insert into payment_stats_hourly (hour, merchant_id, currency, outcome, decline_code, payments, amount)"
                    + " select date_trunc('hour', created_at, 'UTC'), merchant_id, currency, " + OUTCOME + ","
                    + " coalesce(decline_code, ''), count(*), sum(amount) from payment"
                    + " where created_at >= date_trunc('hour', ?::timestamptz, 'UTC') group by 1, 2, 3, 4, 5", from);
            run(c, "delete from refund_stats_hourly where hour >= date_trunc('hour', ?::timestamptz, 'UTC')", from);
            run(c, "insert into refund_stats_hourly (hour, merchant_id, currency, refunds, amount)"
                    + " select date_trunc('hour', created_at, 'UTC'), merchant_id, currency, count(*), sum(amount) from refund"
                    + " where status = 'succeeded' and created_at >= date_trunc('hour', ?::timestamptz, 'UTC')"
                    + " group by 1, 2, 3", from);
            return true;
        } catch (SQLException e) {
            throw new PersistenceException("could not refresh the dashboard's summaries", e);
        }
    }

    private static void run(Connection c, String sql, Timestamp at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, at);
            s.executeUpdate();
        }
    }
}
