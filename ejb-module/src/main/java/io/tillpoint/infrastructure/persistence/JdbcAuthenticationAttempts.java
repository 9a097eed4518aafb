package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.access.AttemptVerdict;
import io.tillpoint.domain.model.access.AuthenticationAttempts;
import io.tillpoint.domain.model.access.FailureTally;
import io.tillpoint.domain.model.access.LockoutPolicy;
import io.tillpoint.domain.model.access.RetryAfter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * Failed client secrets in {@code auth_failure}, one statement per attempt, in autocommit (the
 * caller runs outside a transaction): a failure is counted even though its request is refused.
 * The database's clock decides, so instances whose clocks differ still agree.
 *
 * <p>{@link #FAILED} is {@link LockoutPolicy#afterFailure} in SQL: in {@code DO UPDATE SET}
 * every {@code f.} is the row before the attempt, and the row's lock on conflict makes two
 * instances' attempts on one client id count one after the other.
 */
@ApplicationScoped
public class JdbcAuthenticationAttempts implements AuthenticationAttempts {

    /** Parameters: client id, max failures, window ms; then window ms x 3, max failures, window ms. */
    static final String FAILED = """
            insert into auth_failure as f (client_id, failures, window_started_at, locked_until, last_failed_at)
            values (?, 1, now(), case when 1 >= ? then now() + ?::float8 * interval '1 millisecond' end, now())
            on conflict (client_id) do update set
                failures = case
                    when f.locked_until > now() then f.failures + 1
                    when f.locked_until is not null or f.window_started_at <= now() - ?::float8 * interval '1 millisecond' then 1
                    else f.failures + 1 end,
                window_started_at = case
                    when f.locked_until > now() then f.window_started_at
                    when f.locked_until is not null or f.window_started_at <= now() - ?::float8 * interval '1 millisecond' then now()
                    else f.window_started_at end,
                locked_until = case
                    when f.locked_until > now() then f.locked_until
                    when f.locked_until is not null or f.window_started_at <= now() - ?::float8 * interval '1 millisecond' then
                        case when 1 >= ? then now() + ?::float8 * interval '1 millisecond' end
                    when f.failures + 1 >= ? then now() + ?::float8 * interval '1 millisecond'
                    else null end,
                last_failed_at = now()
            returning failures, window_started_at, locked_until, now()""";

    /** Forgets the failures unless locked out (the row, re-checked under its lock, decides); tells the lock-out. */
    static final String SUCCEEDED = """
            with cleared as (
                delete from auth_failure where client_id = ? and (locked_until is null or locked_until <= now())
                returning client_id)
            select extract(epoch from (locked_until - now())) * 1000 from auth_failure
             where client_id = ? and locked_until > now()""";

    static final String FORGET_QUIET = """
            delete from auth_failure where last_failed_at < now() - ?::float8 * interval '1 millisecond'
               and (locked_until is null or locked_until < now())""";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public AttemptVerdict failed(String clientId, LockoutPolicy policy) {
        long windowMs = policy.window().toMillis();
        int max = policy.maxFailures();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FAILED)) {
            s.setString(1, clientId);
            s.setInt(2, max);
            s.setLong(3, windowMs);
            s.setLong(4, windowMs);
            s.setLong(5, windowMs);
            s.setLong(6, windowMs);
            s.setInt(7, max);
            s.setLong(8, windowMs);
            s.setInt(9, max);
            s.setLong(10, windowMs);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp locked = rs.getTimestamp(3);
                FailureTally tally = new FailureTally(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        locked == null ? null : locked.toInstant());
                return policy.verdictAfterFailure(tally, rs.getTimestamp(4).toInstant());
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not count a failed client secret", e);
        }
    }

    @Override
    public AttemptVerdict succeeded(String clientId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SUCCEEDED)) {
            s.setString(1, clientId);
            s.setString(2, clientId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? AttemptVerdict.locked(RetryAfter.ofMillis((long) Math.ceil(rs.getDouble(1))))
                        : AttemptVerdict.ALLOWED;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not clear failed client secrets", e);
        }
    }

    @Override
    public int forgetQuietOnes(LockoutPolicy policy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FORGET_QUIET)) {
            s.setLong(1, policy.window().toMillis());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not forget old failed client secrets", e);
        }
    }
}
