package io.tillpoint.infrastructure.persistence;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Rows of one query as objects, on a connection of the pool (the caller's JTA transaction's, when
 * one is open) or on a given one; a failure is a {@link PersistenceException} saying what could
 * not be read.
 */
final class JdbcRows {

    /** One row as an object. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private JdbcRows() {
    }

    static <T> List<T> list(DataSource dataSource, String what, String sql, Mapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            return list(c, sql, mapper, params);
        } catch (SQLException e) {
            throw new PersistenceException("could not read " + what, e);
        }
    }

    static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /**
     * Ends a list query ({@code sql} so far, its {@code params}) with a page: newest first by
     * {@code (created_at, id)}, after the row {@code afterCreatedAt}/{@code afterId} when that is
     * not null, one row more than {@code limit} so that the caller can tell whether more follow.
     */
    static Object[] newestFirstPage(StringBuilder sql, List<Object> params, Instant afterCreatedAt,
            String afterId, int limit) {
        if (afterId != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(afterCreatedAt));
            params.add(afterId);
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        return params.toArray();
    }

    /** Binds in order; a null is a text null (every nullable parameter here is text). */
    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }

    /** The number the query counts (its first column of its one row). */
    static long count(DataSource dataSource, String what, String sql, Object... params) {
        return list(dataSource, what, sql, rs -> rs.getLong(1), params).get(0);
    }

    /** Runs an update; how many rows it changed. */
    static int update(DataSource dataSource, String what, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not " + what, e);
        }
    }
}
