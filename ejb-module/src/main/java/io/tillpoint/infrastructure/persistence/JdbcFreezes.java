package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.Freezes;
import io.tillpoint.domain.model.risk.SubjectKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Freezes in {@code risk_freeze}; a lift sets {@code lifted_at} and keeps the row. */
@ApplicationScoped
public class JdbcFreezes implements Freezes {

    static final String COLUMNS = "id, subject_kind, subject_value, merchant_id, card_bin, payment_id, rule_id,"
            + " rule_version, rule_name, reason, created_at, created_by, expires_at, lifted_at, lifted_by, lift_reason";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void add(Freeze f) {
        JdbcRows.update(dataSource, "add freeze " + f.id(), "insert into risk_freeze (version, " + COLUMNS + ")"
                + " values (1, ?, ?, ?, ?, ?, ?, ?, ?::integer, ?, ?, ?, ?, ?, null, null, null)", f.id(),
                f.kind().wire(), f.value(), f.merchantId(), f.cardBin(), f.paymentId(), f.ruleId(),
                f.ruleVersion(), f.ruleName(), f.reason(),
                Timestamp.from(f.createdAt()), f.createdBy(), Timestamp.from(f.expiresAt()));
    }

    @Override
    public Optional<Freeze> find(String freezeId) {
        return query("select " + COLUMNS + " from risk_freeze where id = ?", freezeId).stream().findFirst();
    }

    @Override
    public boolean lift(String freezeId, Instant at, String by, String reason) {
        return JdbcRows.update(dataSource, "lift freeze " + freezeId, "update risk_freeze set lifted_at = ?,"
                + " lifted_by = ?, lift_reason = ?, version = version + 1 where id = ? and lifted_at is null"
                + " and expires_at > ?", Timestamp.from(at), by, reason, freezeId, Timestamp.from(at)) == 1;
    }

    @Override
    public void lockSubject(SubjectKind kind, String value, String merchantId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 18))")) {
            s.setString(1, kind.wire() + ":" + (merchantId == null ? "" : merchantId) + ":" + value);
            s.execute();
        } catch (SQLException e) {
            throw new PersistenceException("could not lock the freezes of a " + kind.wire(), e);
        }
    }

    @Override
    public boolean activeFor(SubjectKind kind, String value, String merchantId, Instant at) {
        return JdbcRows.count(dataSource, "the freezes of a " + kind.wire(), "select count(*) from risk_freeze"
                + " where subject_kind = ? and subject_value = ? and merchant_id is not distinct from ?"
                + " and lifted_at is null and expires_at > ?", kind.wire(), value, merchantId, Timestamp.from(at)) > 0;
    }

    @Override
    public List<Freeze> list(Listed which, Instant now, Freeze startingAfter, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from risk_freeze where true");
        List<Object> params = new ArrayList<>();
        if (which == Listed.ACTIVE) {
            sql.append(" and lifted_at is null and expires_at > ?");
            params.add(Timestamp.from(now));
        }
        Object[] page = JdbcRows.newestFirstPage(sql, params, startingAfter == null ? null : startingAfter.createdAt(),
                startingAfter == null ? null : startingAfter.id(), limit);
        return query(sql.toString(), page);
    }

    /** The freezes not lifted and not yet expired at the database's now, read on {@code c} (the risk snapshot's). */
    static List<Freeze> active(Connection c) throws SQLException {
        return JdbcRows.list(c, "select " + COLUMNS + " from risk_freeze where lifted_at is null and expires_at > now()",
                JdbcFreezes::freeze);
    }

    private List<Freeze> query(String sql, Object... params) {
        return JdbcRows.list(dataSource, "the freezes", sql, JdbcFreezes::freeze, params);
    }

    static Freeze freeze(ResultSet rs) throws SQLException {
        int ruleVersion = rs.getInt("rule_version");
        Integer version = rs.wasNull() ? null : ruleVersion;
        return new Freeze(rs.getString("id"), SubjectKind.ofWire(rs.getString("subject_kind"), "subject.kind"),
                rs.getString("subject_value"), rs.getString("merchant_id"), rs.getString("card_bin"),
                rs.getString("payment_id"), rs.getString("rule_id"), version, rs.getString("rule_name"),
                rs.getString("reason"), JdbcTimes.instant(rs, "created_at"), rs.getString("created_by"),
                JdbcTimes.instant(rs, "expires_at"), JdbcTimes.instant(rs, "lifted_at"), rs.getString("lifted_by"),
                rs.getString("lift_reason"));
    }
}
