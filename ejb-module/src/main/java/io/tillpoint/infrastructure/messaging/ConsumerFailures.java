package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.card.PanMasking;
import io.tillpoint.domain.model.event.DeadLetter;
import io.tillpoint.domain.model.event.EventId;
import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.infrastructure.persistence.ApplicationDatabase;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A consumer's failed tries of an event ({@code consumer_failure}). A failed try rolls back, so
 * it is counted in a transaction of its own; the count is read (and forgotten) in the
 * consumer's transaction, and only on a redelivery: a first delivery costs nothing here.
 */
@Stateless
public class ConsumerFailures {

    static final String COUNT = "insert into consumer_failure (consumer, event_id, attempts, last_error,"
            + " first_failed_at, last_failed_at) values (?, ?, 1, ?, ?, ?) on conflict (consumer, event_id) do update"
            + " set attempts = consumer_failure.attempts + 1, last_error = excluded.last_error,"
            + " last_failed_at = excluded.last_failed_at returning attempts";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    /** Counts a failed try of {@code id} by {@code consumer}, committed at once; the tries so far. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int count(String consumer, EventId id, Throwable failure) {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COUNT)) {
            s.setString(1, consumer);
            s.setString(2, id.value());
            s.setString(3, describe(failure));
            s.setObject(4, UtcTime.of(now));
            s.setObject(5, UtcTime.of(now));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not count a failure of " + consumer + " on event " + id, e);
        }
    }

    /** The failed tries so far, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<Failure> find(String consumer, EventId id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select attempts, last_error from consumer_failure"
                        + " where consumer = ? and event_id = ?")) {
            s.setString(1, consumer);
            s.setString(2, id.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Failure(rs.getInt(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the failures of " + consumer + " on event " + id, e);
        }
    }

    /** Forgets the failed tries (the event was handled or dead-lettered), in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forget(String consumer, EventId id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from consumer_failure where consumer = ? and event_id = ?")) {
            s.setString(1, consumer);
            s.setString(2, id.value());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not forget the failures of " + consumer + " on event " + id, e);
        }
    }

    /**
     * A failure in one line for operators: the innermost cause's class and message (scrubbed of
     * card numbers, at most {@link DeadLetter#MAX_ERROR_LENGTH} characters).
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure == root ? root.getClass().getName() + ": " + root.getMessage()
                : failure.getClass().getSimpleName() + " caused by " + root.getClass().getName() + ": " + root.getMessage();
        text = PanMasking.scrub(text);
        return text.length() <= DeadLetter.MAX_ERROR_LENGTH ? text : text.substring(0, DeadLetter.MAX_ERROR_LENGTH);
    }

    /** The tries so far and the last one's error. */
    public record Failure(int attempts, String lastError) {
    }
}
