package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventId;
import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.infrastructure.persistence.ApplicationDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Idempotent consumers: an event is handled once per consumer, however often it arrives (the
 * relay publishes at least once, JMS redelivers after a rollback). {@link #firstTime} inserts
 * {@code (consumer, event id)} into {@code consumed_event} on the connection of the consumer's
 * JTA transaction: the row commits with the consumer's work or rolls back with it. A second
 * delivery running at the same time waits for the first one's row and then finds it.
 */
@ApplicationScoped
public class EventInbox {

    static final String CLAIM = "insert into consumed_event (consumer, event_id, consumed_at) values (?, ?, ?)"
            + " on conflict do nothing";

    static final String CLAIM_ALL = "insert into consumed_event (consumer, event_id, consumed_at)"
            + " select ?, id, ? from unnest(?::varchar[]) as ids(id) on conflict do nothing returning event_id";

    static final String PURGE = "delete from consumed_event where ctid = any(array(select ctid from consumed_event"
            + " where consumed_at < ? limit 10000))";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    /**
     * True the first time {@code consumer} sees event {@code id} (go on and handle it, in this
     * transaction); false for a duplicate (do nothing). Call it in the JTA transaction of the
     * consumer's work, before the work.
     */
    public boolean firstTime(String consumer, EventId id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, consumer);
            s.setString(2, id.value());
            s.setObject(3, UtcTime.of(Instant.now()));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceException("could not record that " + consumer + " consumed event " + id, e);
        }
    }

    /**
     * {@link #firstTime} for a batch in one statement: the events of {@code events} that
     * {@code consumer} sees for the first time, in their order. Claimed in the order of their ids,
     * so two batches that share events (a relay round sent twice) wait for each other instead of
     * deadlocking.
     */
    public List<DomainEvent> firstTimeOf(String consumer, List<DomainEvent> events) {
        String[] ids = events.stream().map(e -> e.id().value()).sorted().toArray(String[]::new);
        Set<String> claimed = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM_ALL)) {
            s.setString(1, consumer);
            s.setObject(2, UtcTime.of(Instant.now()));
            s.setArray(3, c.createArrayOf("varchar", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not record that " + consumer + " consumed " + ids.length + " events", e);
        }
        return events.stream().filter(e -> claimed.remove(e.id().value())).toList();
    }

    /** Forgets the events consumed before {@code cutoff}, in rounds of 10,000 rows; how many. */
    long purgeConsumedBefore(Instant cutoff) {
        long purged = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PURGE)) {
            s.setObject(1, UtcTime.of(cutoff));
            int round;
            do {
                round = s.executeUpdate();
                purged += round;
            } while (round == 10000);
        } catch (SQLException e) {
            throw new PersistenceException("could not purge consumed events", e);
        }
        return purged;
    }
}
