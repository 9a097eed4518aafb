package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.risk.Review;
import io.tillpoint.domain.model.risk.Reviews;
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into risk_review (payment_id, merchant_id, opened_at)"
                        + " values (?, ?, ?) on conflict (payment_id) do nothing")) {
            s.setString(1, paymentId);
            s.setString(2, merchantId);
            s.setTimestamp(3, Timestamp.from(at));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not open the review of payment " + paymentId, e);
        }
    }

    @Override
    public Optional<Review> find(String paymentId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from risk_review where payment_id = ?")) {
            s.setString(1, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(review(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the review of payment " + paymentId, e);
        }
    }

    @Override
    public boolean decide(String paymentId, String decision, Instant at, String by, String reason) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update risk_review set decision = ?, decided_at = ?,"
                        + " decided_by = ?, reason = ? where payment_id = ? and decided_at is null")) {
            s.setString(1, decision);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, by);
            s.setString(4, reason);
            s.setString(5, paymentId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceException("could not decide the review of payment " + paymentId, e);
        }
    }

    @Override
    public List<Review> listOpen(Review startingAfter, int limit) {
        String sql = "select r.payment_id, r.merchant_id, r.opened_at, r.decision, r.decided_at, r.decided_by, r.reason"
                + " from risk_review r join payment p on p.id = r.payment_id"
                + " where r.decided_at is null and p.status = 'IN_REVIEW'"
                + (startingAfter == null ? "" : " and (r.opened_at, r.payment_id) > (?, ?)")
                + " order by r.opened_at, r.payment_id limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (startingAfter != null) {
                s.setTimestamp(i++, Timestamp.from(startingAfter.openedAt()));
                s.setString(i++, startingAfter.paymentId());
            }
            s.setInt(i, limit + 1);
            try (ResultSet rs = s.executeQuery()) {
                List<Review> reviews = new ArrayList<>();
                while (rs.next()) {
                    reviews.add(review(rs));
                }
                return reviews;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not list the reviews", e);
        }
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString("payment_id"), rs.getString("merchant_id"), JdbcTimes.instant(rs, "opened_at"),
                rs.getString("decision"), JdbcTimes.instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getString("reason"));
    }
}
