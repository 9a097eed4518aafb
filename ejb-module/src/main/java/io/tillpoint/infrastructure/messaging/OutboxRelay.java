package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventId;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.infrastructure.messaging.EventPublisher.PendingEvent;
import io.tillpoint.infrastructure.persistence.ApplicationDatabase;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One round of the relay: takes up to {@code limit} events out of the outbox and publishes them,
 * at least once. In a local database transaction (no JTA): the rows are deleted and returned in
 * one statement, skipping those another relay holds ({@code FOR UPDATE SKIP LOCKED} semantics of
 * the sub-select), then the messages are sent and committed by the broker
 * ({@link EventPublisher}, a transaction of its own), and only then does the delete commit. A
 * failure before the broker's commit rolls the delete back: the events stay for the next round.
 * A failure between the two commits (the instance dies) leaves them in the outbox too, and they
 * are sent again: consumers deduplicate by event id. Nothing else waits on these rows: payments
 * only insert new ones.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    static final String TAKE = "delete from domain_event_outbox where id in (select id from domain_event_outbox"
            + " order by id limit ? for update skip locked) returning " + OutboxDomainEvents.COLUMNS + ", destination";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @EJB
    EventPublisher publisher;

    /** Publishes up to {@code limit} events; how many it published (0: the outbox had none free). */
    public int relay(int limit) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<PendingEvent> events = take(c, limit);
                if (!events.isEmpty()) {
                    publisher.publish(events);
                }
                c.commit();
                return events.size();
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not relay events from the outbox", e);
        }
    }

    private static List<PendingEvent> take(Connection c, int limit) throws SQLException {
        List<PendingEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(TAKE)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new PendingEvent(new DomainEvent(EventId.of(rs.getString(1)),
                            EventType.fromWireName(rs.getString(2)).orElseThrow(
                                    () -> new IllegalStateException("unknown event type in the outbox")),
                            rs.getString(3), rs.getString(4), UtcTime.instant(rs.getObject(5, OffsetDateTime.class)),
                            rs.getString(6), rs.getString(7)), rs.getString(8)));
                }
            }
        }
        // Oldest first on the queues, as far as one round goes (the delete returns rows in no order).
        events.sort((a, b) -> a.event().id().value().compareTo(b.event().id().value()));
        return events;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.fine(() -> "rollback of a relay round failed: " + e);
        }
    }
}
