package io.tillpoint.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on the test database (the tests' PostgreSQL), for what the API cannot show. */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("tillpoint.it.db.url"),
                System.getProperty("tillpoint.it.db.user"), System.getProperty("tillpoint.it.db.password"));
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row, as text. */
    static List<String> list(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    static int update(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    /**
     * Every place in the database that holds {@code text}: "table.column" for each column of each
     * table of the schema whose value contains it, byte columns read as UTF-8. Empty when none does.
     */
    static List<String> placesHolding(String text) throws SQLException {
        List<String> places = new ArrayList<>();
        try (Connection c = connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select table_name, column_name, data_type"
                    + " from information_schema.columns where table_schema = current_schema()"
                    + " order by table_name, ordinal_position");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] column : columns) {
                String found = column[2].equals("bytea")
                        ? "position(convert_to(?, 'UTF8') in " + quoted(column[1]) + ") > 0"
                        : "position(? in cast(" + quoted(column[1]) + " as text)) > 0";
                try (PreparedStatement s = c.prepareStatement("select count(*) from " + quoted(column[0])
                        + " where " + found)) {
                    s.setString(1, text);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            places.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return places;
    }

    /** How many columns {@link #placesHolding} looks at (so a sweep that looks nowhere fails). */
    static long columnCount() throws SQLException {
        return count("select count(*) from information_schema.columns where table_schema = current_schema()");
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
