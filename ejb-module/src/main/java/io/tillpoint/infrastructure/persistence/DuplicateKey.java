package io.tillpoint.infrastructure.persistence;

import java.sql.SQLException;

/** Recognises a unique-key violation under whatever the JPA provider wrapped it in. */
public final class DuplicateKey {

    /** PostgreSQL's SQLState 23505: unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private DuplicateKey() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
