package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.risk.Blocklist;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.BlocklistKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Blocklist entries in {@code risk_blocklist_entry}; a removal sets {@code removed_at} and keeps the row. */
@ApplicationScoped
public class JdbcBlocklist implements Blocklist {

    static final String COLUMNS = "id, kind, value, merchant_id, card_bin, card_last4, reason, created_at, created_by,"
            + " removed_at, removed_by, removal_reason";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void add(BlocklistEntry e) {
        JdbcRows.update(dataSource, "add blocklist entry " + e.id(), "insert into risk_blocklist_entry (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null)", e.id(), e.kind().wire(), e.value(),
                e.merchantId(), e.cardBin(), e.cardLast4(), e.reason(), Timestamp.from(e.createdAt()), e.createdBy());
    }

    @Override
    public Optional<BlocklistEntry> find(String entryId) {
        return query("select " + COLUMNS + " from risk_blocklist_entry where id = ?", entryId).stream().findFirst();
    }

    @Override
    public Optional<BlocklistEntry> findActive(BlocklistKind kind, String value, String merchantId) {
        return query("select " + COLUMNS + " from risk_blocklist_entry where kind = ? and value = ?"
                + " and merchant_id is not distinct from ? and removed_at is null limit 1", kind.wire(), value,
                merchantId).stream().findFirst();
    }

    @Override
    public boolean remove(String entryId, Instant at, String by, String reason) {
        return JdbcRows.update(dataSource, "remove blocklist entry " + entryId, "update risk_blocklist_entry"
                + " set removed_at = ?, removed_by = ?, removal_reason = ? where id = ? and removed_at is null",
                Timestamp.from(at), by, reason, entryId) == 1;
    }

    @Override
    public List<BlocklistEntry> listActive(BlocklistKind kind, BlocklistEntry startingAfter, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from risk_blocklist_entry where removed_at is null");
        List<Object> params = new ArrayList<>();
        if (kind != null) {
            sql.append(" and kind = ?");
            params.add(kind.wire());
        }
        Object[] page = JdbcRows.newestFirstPage(sql, params, startingAfter == null ? null : startingAfter.createdAt(),
                startingAfter == null ? null : startingAfter.id(), limit);
        return query(sql.toString(), page);
    }

    /** The active entries, read on {@code c} (the risk snapshot's). */
    static List<BlocklistEntry> active(Connection c) throws SQLException {
        return JdbcRows.list(c, "select " + COLUMNS + " from risk_blocklist_entry where removed_at is null",
                JdbcBlocklist::entry);
    }

    private List<BlocklistEntry> query(String sql, Object... params) {
        return JdbcRows.list(dataSource, "the blocklist", sql, JdbcBlocklist::entry, params);
    }

    static BlocklistEntry entry(ResultSet rs) throws SQLException {
        return new BlocklistEntry(rs.getString("id"), BlocklistKind.ofWire(rs.getString("kind"), "kind"),
                rs.getString("value"), rs.getString("merchant_id"), rs.getString("card_bin"),
                rs.getString("card_last4"), rs.getString("reason"), JdbcTimes.instant(rs, "created_at"),
                rs.getString("created_by"), JdbcTimes.instant(rs, "removed_at"), rs.getString("removed_by"),
                rs.getString("removal_reason"));
    }
}
