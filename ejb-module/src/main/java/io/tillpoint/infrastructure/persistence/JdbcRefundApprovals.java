package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.console.RefundApproval;
import io.tillpoint.domain.model.console.RefundApprovals;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Four-eyes refund requests in {@code refund_approval}, on the caller's transaction's connection. */
@ApplicationScoped
public class JdbcRefundApprovals implements RefundApprovals {

    private static final String COLUMNS = "id, version, payment_id, merchant_id, amount, currency, reason, status,"
            + " requested_by, requested_at, decided_by, decided_at, decision_reason, refund_id";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void add(RefundApproval a) {
        JdbcRows.update(dataSource, "record a refund request", "insert into refund_approval (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as timestamp with time zone), ?, ?)", a.id(), a.version(), a.paymentId(),
                a.merchantId(), a.amount(), a.currency(), a.reason(), wire(a.status()), a.requestedBy(),
                JdbcTimes.timestamp(a.requestedAt()), a.decidedBy(), JdbcTimes.timestamp(a.decidedAt()),
                a.decisionReason(), a.refundId());
    }

    @Override
    public Optional<RefundApproval> lock(String id) {
        return JdbcRows.list(dataSource, "refund request", "select " + COLUMNS + " from refund_approval where id = ? for update",
                JdbcRefundApprovals::approval, id).stream().findFirst();
    }

    @Override
    public boolean decide(RefundApproval d) {
        return JdbcRows.update(dataSource, "decide a refund request", "update refund_approval set version = ?, status = ?,"
                + " decided_by = ?, decided_at = ?, decision_reason = ?, refund_id = ? where id = ? and version = ?",
                d.version(), wire(d.status()), d.decidedBy(), JdbcTimes.timestamp(d.decidedAt()), d.decisionReason(),
                d.refundId(), d.id(), d.version() - 1) == 1;
    }

    @Override
    public List<RefundApproval> open(int limit) {
        return JdbcRows.list(dataSource, "refund requests", "select " + COLUMNS
                + " from refund_approval where status = 'requested' order by requested_at limit ?",
                JdbcRefundApprovals::approval, limit);
    }

    @Override
    public List<RefundApproval> ofPayment(String paymentId) {
        return JdbcRows.list(dataSource, "refund requests", "select " + COLUMNS
                + " from refund_approval where payment_id = ? order by requested_at", JdbcRefundApprovals::approval, paymentId);
    }

    private static String wire(RefundApproval.Status s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static RefundApproval approval(ResultSet rs) throws SQLException {
        return new RefundApproval(rs.getString("id"), rs.getLong("version"), rs.getString("payment_id"),
                rs.getString("merchant_id"), rs.getLong("amount"), rs.getString("currency"), rs.getString("reason"),
                RefundApproval.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("requested_by"), JdbcTimes.instant(rs, "requested_at"), rs.getString("decided_by"),
                JdbcTimes.instant(rs, "decided_at"), rs.getString("decision_reason"), rs.getString("refund_id"));
    }
}
