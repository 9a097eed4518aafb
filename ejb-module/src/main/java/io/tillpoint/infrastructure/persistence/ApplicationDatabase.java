package io.tillpoint.infrastructure.persistence;

/**
 * The gateway's one database, PostgreSQL: a connection pool that the server's domain defines
 * ({@code server-config/bin/tillpoint}, {@code create_domain}), its URL and credentials read
 * from {@code TILLPOINT_DB_URL}, {@code TILLPOINT_DB_USER} and {@code TILLPOINT_DB_PASSWORD}
 * when the pool starts. Jakarta Batch keeps its job repository in the same pool, so a chunk's
 * writes and its checkpoint commit on one connection.
 */
public final class ApplicationDatabase {

    /** The pool's JNDI name, in the server's namespace. */
    public static final String JNDI_NAME = "jdbc/tillpoint";

    private ApplicationDatabase() {
    }
}
