package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.access.AccessChanges;
import io.tillpoint.domain.model.access.AccessSnapshot;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The suspended merchants and revoked clients, and the change counter ({@code access_change})
 * that the same transaction as each change moves on.
 */
@ApplicationScoped
public class JdbcAccessChanges implements AccessChanges {

    private static final ChangeCounter COUNTER = new ChangeCounter("access_change");
    /** One statement, so one snapshot: the sets are exactly those of the counter read with them. */
    static final String SNAPSHOT = """
            select (select counter from access_change where id = 1),
                   array(select id from merchant where status = 'suspended'),
                   array(select client_id from api_client where not active)""";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void recordChange() {
        COUNTER.bump(dataSource);
    }

    @Override
    public long counter() {
        return COUNTER.read(dataSource);
    }

    @Override
    public AccessSnapshot snapshot() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SNAPSHOT);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new AccessSnapshot(rs.getLong(1), strings(rs.getArray(2)), strings(rs.getArray(3)));
        } catch (SQLException e) {
            throw new PersistenceException("could not read the suspended merchants and revoked clients", e);
        }
    }

    private static Set<String> strings(Array array) throws SQLException {
        try {
            return Set.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
