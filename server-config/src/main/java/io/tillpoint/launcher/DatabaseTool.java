package io.tillpoint.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's one look at a PostgreSQL server before Payara starts, so that a wrong URL, a
 * server that is down or a refused password ends the launch with one line that says what to fix,
 * instead of a failed deployment a minute later. Run by {@code bin/tillpoint}, never by the
 * gateway; the password comes from {@code TILLPOINT_DB_PASSWORD}, never from the command line.
 *
 * <pre>
 *   check URL USER              the server answers, the user gets in, the database exists
 *   recreate-database URL USER  drops and creates it (the tests' database on a named server)
 * </pre>
 *
 * Prints one line: what it found (exit 0) or what is wrong (exit 1).
 */
public final class DatabaseTool {

    /** The oldest PostgreSQL the migrations are written for. */
    static final int OLDEST_MAJOR_VERSION = 13;

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^/?]+)(\\?.*)?");
    private static final int TIMEOUT_SECONDS = 5;

    private DatabaseTool() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            fail("usage: DatabaseTool check|recreate-database URL USER");
        }
        Matcher url = URL.matcher(args[1]);
        if (!url.matches()) {
            // Without its query string, which may carry a password.
            fail("TILLPOINT_DB_URL must look like jdbc:postgresql://HOST:PORT/DATABASE, not " + args[1].replaceAll("\\?.*", "?..."));
        }
        Target target = new Target(url.group(1), url.group(2), url.group(3) == null ? "" : url.group(3), args[2],
                System.getenv().getOrDefault("TILLPOINT_DB_PASSWORD", ""));
        try {
            switch (args[0]) {
                case "check" -> System.out.println(check(target));
                case "recreate-database" -> System.out.println(recreateDatabase(target));
                default -> fail("unknown command " + args[0]);
            }
        } catch (SQLException e) {
            fail(diagnosis(target, e));
        }
    }

    static String check(Target target) throws SQLException {
        try (Connection c = connect(target, target.database())) {
            int version = c.getMetaData().getDatabaseMajorVersion();
            if (version < OLDEST_MAJOR_VERSION) {
                fail("the database at " + target.host() + " is PostgreSQL " + version + "; Tillpoint needs "
                        + OLDEST_MAJOR_VERSION + " or newer");
            }
            return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + " at " + target.host() + "/"
                    + target.database() + " (user " + target.user() + ")";
        }
    }

    static String recreateDatabase(Target target) throws SQLException {
        try (Connection c = connect(target, "postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + quoted(target.database()) + " with (force)");
            s.execute("create database " + quoted(target.database()));
            return "fresh database " + target.database() + " at " + target.host();
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Connection connect(Target target, String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", target.user());
        p.setProperty("password", target.password());
        p.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        p.setProperty("socketTimeout", String.valueOf(4 * TIMEOUT_SECONDS));
        p.setProperty("ApplicationName", "tillpoint launcher");
        return DriverManager.getConnection("jdbc:postgresql://" + target.host() + "/" + database + target.query(), p);
    }

    /** One line on what to fix, from the SQL state the server or the driver gave. */
    static String diagnosis(Target target, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "the database at " + target.host();
        return switch (state) {
            case "08001", "08004", "08006" -> "cannot reach " + where + " (" + firstLine(e)
                    + "): check TILLPOINT_DB_URL and that the server is running";
            case "28P01" -> where + " refused the password of user " + target.user() + ": check TILLPOINT_DB_PASSWORD";
            case "28000" -> where + " refused user " + target.user() + " (" + firstLine(e)
                    + "): check TILLPOINT_DB_USER and the server's pg_hba.conf";
            case "3D000" -> where + " has no database " + target.database()
                    + ": create it (createdb " + target.database() + ") or fix TILLPOINT_DB_URL";
            case "42501" -> "user " + target.user() + " may not do that on " + where + " (" + firstLine(e) + ")";
            default -> "cannot use " + where + " (" + (state.isEmpty() ? "" : "SQL state " + state + ": ")
                    + firstLine(e) + ")";
        };
    }

    private static String firstLine(SQLException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.UnknownHostException) {
                return "unknown host " + cause.getMessage();
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static void fail(String line) {
        System.out.println(line);
        System.exit(1);
    }

    /** Where to connect: host[:port], database, the URL's query string and the credentials. */
    record Target(String host, String database, String query, String user, String password) {
    }
}
