package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.risk.Review;
import io.tillpoint.domain.model.risk.Reviews;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reviews in {@code risk_review}, on the connection of the caller's transaction: a review opens in
 * the transaction that holds its payment for review.
 */
@ApplicationScoped
public class JdbcReviews implements Reviews {

    static final String COLUMNS = "payment_id, merchant_id, opened_at, decision, decided_at, decided_by, reason";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void open(String paymentId, String merchantId, Instant at) {
        JdbcRows.update(dataSource, "open the review of payment " + paymentId, "insert into risk_review"
                + " (payment_id, merchant_id, opened_at) values (?, ?, ?) on conflict (payment_id) do nothing",
                paymentId, merchantId, Timestamp.from(at));
    }

    @Override
    public Optional<Review> find(String paymentId) {
        return JdbcRows.list(dataSource, "the review of payment " + paymentId, "select " + COLUMNS
                + " from risk_review where payment_id = ?", JdbcReviews::review, paymentId).stream().findFirst();
    }

    @Override
    public boolean decide(String paymentId, String decision, Instant at, String by, String reason) {
        return JdbcRows.update(dataSource, "decide the review of payment " + paymentId, "update risk_review"
                + " set decision = ?, decided_at = ?, decided_by = ?, reason = ? where payment_id = ?"
                + " and decided_at is null", decision, Timestamp.from(at), by, reason, paymentId) == 1;
    }

    @Override
    public List<Review> listOpen(Review startingAfter, int limit) {
        String sql = "select r.payment_id, r.merchant_id, r.opened_at, r.decision, r.decided_at, r.decided_by, r.reason"
                + " from risk_review r join payment p on p.id = r.payment_id"
                + " where r.decided_at is null and p.status = 'IN_REVIEW'"
                + (startingAfter == null ? "" : " and (r.opened_at, r.payment_id) > (?, ?)")
                + " order by r.opened_at, r.payment_id limit ?";
        Object[] params = startingAfter == null ? new Object[] {limit + 1}
                : new Object[] {Timestamp.from(startingAfter.openedAt()), startingAfter.paymentId(), limit + 1};
        return JdbcRows.list(dataSource, "the reviews", sql, JdbcReviews::review, params);
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString("payment_id"), rs.getString("merchant_id"), JdbcTimes.instant(rs, "opened_at"),
                rs.getString("decision"), JdbcTimes.instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getString("reason"));
    }
}
