package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.DomainEvents;
import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.infrastructure.persistence.ApplicationDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The outbox: an event is a row of {@code domain_event_outbox}, inserted on the connection of
 * the caller's JTA transaction (the pool hands the transaction one connection), so it commits or
 * rolls back with the change it describes. The payment's own statements insert it themselves
 * ({@code PostgresPaymentWrites}, with {@link #INSERT_SELECT}): no round trip of its own there.
 */
@ApplicationScoped
public class OutboxDomainEvents implements DomainEvents {

    static final String COLUMNS = "id, type, merchant_id, subject_id, created_at, data, internal";

    /** The insert as part of a data-modifying {@code WITH}: append {@code from <cte>}. */
    public static final String INSERT_SELECT = "insert into domain_event_outbox (" + COLUMNS + ") select ?, ?, ?, ?, ?,"
            + " ?, ?";

    static final String INSERT = "insert into domain_event_outbox (" + COLUMNS + ", destination) values (?, ?, ?, ?,"
            + " ?, ?, ?, ?)";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Inject
    RelaySignal relay;

    @Override
    public void record(DomainEvent event) {
        insert(event, null);
    }

    /** Records {@code event} for one queue only ({@code destination}, a physical name; null: all). */
    void insert(DomainEvent event, String destination) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, event.id().value());
            s.setString(2, event.type().wireName());
            s.setString(3, event.merchantId());
            s.setString(4, event.subjectId());
            s.setObject(5, UtcTime.of(event.createdAt()));
            s.setString(6, event.data());
            s.setString(7, event.internal());
            s.setString(8, destination);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not record event " + event.id() + " (" + event.type().wireName() + ")",
                    e);
        }
        relay.afterCommit();
    }
}
