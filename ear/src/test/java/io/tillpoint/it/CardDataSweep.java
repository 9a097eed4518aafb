package io.tillpoint.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the gateway keeps, read once: every value of every column of every table of its
 * schema (as text, and byte columns also as UTF-8 and as hex), and every line of the test domain's
 * server logs. Then searched for what must never be there.
 */
final class CardDataSweep {

    /** Column ("table.column") to its values. */
    private final Map<String, List<String>> values;
    private final String logs;

    private CardDataSweep(Map<String, List<String>> values, String logs) {
        this.values = values;
        this.logs = logs;
    }

    /** Reads the database and the logs as they are now. */
    static CardDataSweep now() throws SQLException, IOException {
        return new CardDataSweep(database(), logs());
    }

    /** How many columns were read. */
    int columns() {
        return values.size();
    }

    /** The columns that hold {@code needle} somewhere ("table.column"). */
    List<String> placesHolding(String needle) {
        List<String> places = new ArrayList<>();
        values.forEach((place, column) -> {
            for (String value : column) {
                if (value.contains(needle)) {
                    places.add(place);
                    return;
                }
            }
        });
        return places;
    }

    /** Whether the server logs hold {@code needle}. */
    boolean logsHold(String needle) {
        return logs.contains(needle);
    }

    /** How many characters of log were read. */
    int logLength() {
        return logs.length();
    }

    /**
     * What gives {@code clear} away: itself and its SHA-256 as hex (both cases), base64 and
     * base64url (a byte column's digest shows as its hex in the text form of the column).
     */
    static List<String> formsOf(String clear) {
        byte[] sha = sha256(clear.getBytes(StandardCharsets.UTF_8));
        return List.of(clear, HexFormat.of().formatHex(sha), HexFormat.of().withUpperCase().formatHex(sha),
                Base64.getEncoder().encodeToString(sha), Base64.getUrlEncoder().withoutPadding().encodeToString(sha));
    }

    /** The digest forms only (of a body, whose clear text is not itself searched for). */
    static List<String> digestFormsOf(byte[] clear) {
        byte[] sha = sha256(clear);
        return List.of(HexFormat.of().formatHex(sha), HexFormat.of().withUpperCase().formatHex(sha),
                Base64.getEncoder().encodeToString(sha), Base64.getUrlEncoder().withoutPadding().encodeToString(sha));
    }

    static byte[] sha256(byte[] clear) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(clear);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The test domain's log folder (arquillian.xml: domain tillpoint-test of the build's Payara). */
    static Path logFolder() {
        return Path.of(System.getProperty("payara.home"), "glassfish", "domains", "tillpoint-test", "logs");
    }

    private static String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logFolder())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    private static Map<String, List<String>> database() throws SQLException {
        Map<String, List<String[]>> tables = new LinkedHashMap<>();
        try (Connection c = Database.connect()) {
            try (PreparedStatement s = c.prepareStatement("select table_name, column_name, data_type"
                    + " from information_schema.columns where table_schema = current_schema()"
                    + " order by table_name, ordinal_position");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Map.Entry<String, List<String[]>> table : tables.entrySet()) {
                read(c, table.getKey(), table.getValue(), values);
            }
            return values;
        }
    }

    /** Every column of one table, each cast to text; byte columns also as their bytes read as UTF-8. */
    private static void read(Connection c, String table, List<String[]> columns, Map<String, List<String>> values)
            throws SQLException {
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < columns.size(); i++) {
            String column = quoted(columns.get(i)[0]);
            select.append(i == 0 ? "" : ", ").append("cast(").append(column).append(" as text)");
            select.append(", ").append(columns.get(i)[1].equals("bytea") ? column : "null");
            values.put(table + "." + columns.get(i)[0], new ArrayList<>());
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select + " from " + quoted(table))) {
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    List<String> column = values.get(table + "." + columns.get(i)[0]);
                    String text = rs.getString(2 * i + 1);
                    if (text != null) {
                        column.add(text);
                    }
                    byte[] bytes = rs.getBytes(2 * i + 2);
                    if (bytes != null) {
                        column.add(new String(bytes, StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
