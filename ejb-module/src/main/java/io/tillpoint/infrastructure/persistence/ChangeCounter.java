package io.tillpoint.infrastructure.persistence;

import jakarta.persistence.PersistenceException;
import javax.sql.DataSource;

/**
 * A change counter row ({@code access_change}, {@code risk_change}): moved on in the same
 * transaction as each change of what instances keep in memory, read by primary key by each
 * instance's refresh. A row, not a sequence: a sequence moves before the change commits.
 */
final class ChangeCounter {

    private final String table;

    ChangeCounter(String table) {
        this.table = table;
    }

    /** Moves the counter on, on the connection of the caller's transaction. */
    void bump(DataSource dataSource) {
        if (JdbcRows.update(dataSource, "record a change in " + table,
                "update " + table + " set counter = counter + 1 where id = 1") != 1) {
            throw new PersistenceException(table + " has no row: the schema is not migrated");
        }
    }

    long read(DataSource dataSource) {
        return JdbcRows.count(dataSource, "the counter of " + table, "select counter from " + table + " where id = 1");
    }

    String readStatement() {
        return "select counter from " + table + " where id = 1";
    }
}
