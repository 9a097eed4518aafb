package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.event.DeadLetter;
import io.tillpoint.domain.model.event.DeadLetters;
import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.infrastructure.persistence.ApplicationDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Dead letters in {@code dead_letter}, on the connection of the caller's JTA transaction. */
@ApplicationScoped
public class JdbcDeadLetters implements DeadLetters {

    private static final String COLUMNS = "id, consumer, queue, event_id, event_type, merchant_id, body, deliveries,"
            + " last_error, dead_at, replayed_at, replayed_by";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Inject
    OutboxDomainEvents outbox;

    @Override
    public void add(DeadLetter letter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into dead_letter (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, letter.id());
            s.setString(2, letter.consumer());
            s.setString(3, letter.queue());
            s.setString(4, letter.eventId());
            s.setString(5, letter.eventType());
            s.setString(6, letter.merchantId());
            s.setString(7, letter.body());
            s.setInt(8, letter.deliveries());
            s.setString(9, letter.lastError());
            s.setObject(10, UtcTime.of(letter.deadAt()));
            s.setObject(11, letter.replayedAt() == null ? null : UtcTime.of(letter.replayedAt()));
            s.setString(12, letter.replayedBy());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not keep dead letter " + letter.id(), e);
        }
    }

    @Override
    public Optional<DeadLetter> lock(String id) {
        return one("select " + COLUMNS + " from dead_letter where id = ? for update", id);
    }

    @Override
    public Optional<DeadLetter> find(String id) {
        return one("select " + COLUMNS + " from dead_letter where id = ?", id);
    }

    @Override
    public List<DeadLetter> list(DeadLetter startingAfter, boolean includeReplayed, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from dead_letter where true");
        if (!includeReplayed) {
            sql.append(" and replayed_at is null");
        }
        if (startingAfter != null) {
            sql.append(" and (dead_at, id) < (?, ?)");
        }
        sql.append(" order by dead_at desc, id desc limit ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            if (startingAfter != null) {
                s.setObject(p++, UtcTime.of(startingAfter.deadAt()));
                s.setString(p++, startingAfter.id());
            }
            s.setInt(p, limit + 1);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    letters.add(letter(rs));
                }
            }
            return letters;
        } catch (SQLException e) {
            throw new PersistenceException("could not list dead letters", e);
        }
    }

    @Override
    public DeadLetter sendBack(DeadLetter letter, Instant at, String by) {
        DomainEvent event = EventMessages.parse(letter.body());
        outbox.insert(event, letter.queue());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update dead_letter set replayed_at = ?, replayed_by = ?,"
                        + " version = version + 1 where id = ? and replayed_at is null")) {
            s.setObject(1, UtcTime.of(at));
            s.setString(2, by);
            s.setString(3, letter.id());
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("dead letter " + letter.id() + " was replayed meanwhile");
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not mark dead letter " + letter.id() + " replayed", e);
        }
        return new DeadLetter(letter.id(), letter.consumer(), letter.queue(), letter.eventId(), letter.eventType(),
                letter.merchantId(), letter.body(), letter.deliveries(), letter.lastError(), letter.deadAt(), at, by);
    }

    private Optional<DeadLetter> one(String sql, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(letter(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read dead letter", e);
        }
    }

    private static DeadLetter letter(ResultSet rs) throws SQLException {
        OffsetDateTime replayed = rs.getObject("replayed_at", OffsetDateTime.class);
        return new DeadLetter(rs.getString("id"), rs.getString("consumer"), rs.getString("queue"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("merchant_id"), rs.getString("body"),
                rs.getInt("deliveries"), rs.getString("last_error"),
                UtcTime.instant(rs.getObject("dead_at", OffsetDateTime.class)),
                replayed == null ? null : UtcTime.instant(replayed), rs.getString("replayed_by"));
    }
}
