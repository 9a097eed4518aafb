package io.tillpoint.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventId;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.infrastructure.persistence.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The outbox's and the consumers' SQL on a real PostgreSQL with the gateway's migrations: the
 * relay's round takes each event once, skipping those another round holds, and gives them back
 * when it rolls back; a consumer sees an event for the first time once; old dedup rows are purged.
 */
class OutboxIT {

    private static final String URL = System.getProperty("tillpoint.it.db.url",
            "jdbc:postgresql://127.0.0.1:18433/tillpoint_writes_it");
    private static PGSimpleDataSource dataSource;

    private final OutboxDomainEvents outbox = new OutboxDomainEvents();
    private final EventInbox inbox = new EventInbox();

    @BeforeAll
    static void theGatewaysSchema() {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setUser(System.getProperty("tillpoint.it.db.user", "tillpoint"));
        dataSource.setPassword(System.getProperty("tillpoint.it.db.password", "tillpoint-it"));
        Flyway.configure(OutboxIT.class.getClassLoader()).dataSource(dataSource).locations(SchemaMigrator.LOCATION)
                .load().migrate();
    }

    @BeforeEach
    void onTheTestDatabase() throws SQLException {
        outbox.dataSource = dataSource;
        outbox.relay = new RelaySignal();
        inbox.dataSource = dataSource;
        update("delete from domain_event_outbox");
    }

    @Test
    void two_relay_rounds_at_once_take_each_event_once_and_a_rolled_back_round_gives_its_events_back()
            throws SQLException {
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DomainEvent event = event(i);
            outbox.record(event);
            recorded.add(event.id().value());
        }
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            List<String> mine = take(first, 3);
            List<String> theirs = take(second, 10);

            assertThat(mine).hasSize(3).isSubsetOf(recorded);
            assertThat(theirs).as("the rows the first round holds are skipped, not waited for").hasSize(2)
                    .doesNotContainAnyElementsOf(mine);
            assertThat(mine).as("oldest first").isEqualTo(recorded.subList(0, 3));

            first.rollback();
            second.commit();
        }
        try (Connection again = dataSource.getConnection()) {
            again.setAutoCommit(false);
            assertThat(take(again, 10)).as("what a failed round took is there for the next")
                    .isEqualTo(recorded.subList(0, 3));
            again.commit();
        }
        assertThat(count("select count(*) from domain_event_outbox")).isZero();
    }

    @Test
    void a_consumer_sees_an_event_for_the_first_time_once_and_another_consumer_sees_it_too() {
        EventId id = EventId.generate();

        assertThat(inbox.firstTime("risk", id)).isTrue();
        assertThat(inbox.firstTime("risk", id)).isFalse();
        assertThat(inbox.firstTime("webhooks", id)).isTrue();
    }

    @Test
    void a_batch_claims_in_one_statement_only_the_events_its_consumer_has_not_seen_and_keeps_their_order() {
        DomainEvent seen = event(1);
        DomainEvent first = event(2);
        DomainEvent second = event(3);
        inbox.firstTime("risk", seen.id());

        List<DomainEvent> fresh = inbox.firstTimeOf("risk", List.of(second, seen, first, second));

        assertThat(fresh).containsExactly(second, first);
        assertThat(inbox.firstTimeOf("risk", List.of(first, second, seen))).isEmpty();
        assertThat(inbox.firstTimeOf("webhooks", List.of(seen))).containsExactly(seen);
    }

    @Test
    void consumed_events_older_than_the_retention_are_purged_and_younger_ones_kept() throws SQLException {
        EventId old = EventId.generate();
        EventId young = EventId.generate();
        inbox.firstTime("risk", old);
        inbox.firstTime("risk", young);
        update("update consumed_event set consumed_at = now() - interval '3 days' where event_id = '" + old.value() + "'");

        long purged = inbox.purgeConsumedBefore(Instant.now().minusSeconds(48 * 3600));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from consumed_event where event_id = '" + old.value() + "'")).isZero();
        assertThat(count("select count(*) from consumed_event where event_id = '" + young.value() + "'")).isEqualTo(1);
        assertThat(inbox.firstTime("risk", young)).as("still a duplicate").isFalse();
    }

    private static DomainEvent event(int i) {
        try {
            Thread.sleep(2);   // ids begin with the millisecond: one apart each
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DomainEvent.of(EventType.PAYMENT_CAPTURED, "mer_outbox_it", "pay_" + i,
                Instant.now(), "{\"n\":" + i + "}", "{}");
    }

    private static List<String> take(Connection c, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(OutboxRelay.TAKE)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    private static void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
