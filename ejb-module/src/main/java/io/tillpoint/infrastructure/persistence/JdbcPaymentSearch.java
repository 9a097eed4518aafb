package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.console.PaymentFilter;
import io.tillpoint.domain.model.console.PaymentRow;
import io.tillpoint.domain.model.console.PaymentSearch;
import io.tillpoint.domain.model.payment.PaymentStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The console's payment search in SQL. Each filter narrows through an index: the id is the
 * primary key, a reference {@code payment_reference}, a merchant {@code payment_merchant_created},
 * the last four {@code payment_last4_created}, and with none of them the newest first come from
 * {@code payment_created}; status and amounts filter the rows those give (V11). The count stops at
 * a cap, so that a broad filter on millions of payments costs a bounded scan.
 */
@ApplicationScoped
public class JdbcPaymentSearch implements PaymentSearch {

    private static final String COLUMNS = "p.id, p.merchant_id, m.name as merchant_name, p.status, p.amount, p.currency,"
            + " p.amount_refunded, p.reference, p.card_brand, p.card_last4, p.decline_code, p.risk_decision, p.created_at";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public List<PaymentRow> find(PaymentFilter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
                .append(" from payment p left join merchant m on m.id = p.merchant_id where true");
        where(filter, sql, params);
        sql.append(" order by p.created_at desc, p.id desc offset ? limit ?");
        params.add(offset);
        params.add(limit);
        return JdbcRows.list(dataSource, "payments", sql.toString(), JdbcPaymentSearch::row, params.toArray());
    }

    @Override
    public long count(PaymentFilter filter, long cap) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select count(*) from (select 1 from payment p where true");
        where(filter, sql, params);
        sql.append(" limit ?) matched");
        params.add(cap);
        return JdbcRows.count(dataSource, "payments", sql.toString(), params.toArray());
    }

    static void where(PaymentFilter f, StringBuilder sql, List<Object> params) {
        if (f.paymentId() != null) {
            sql.append(" and p.id = ?");
            params.add(f.paymentId());
        }
        if (f.reference() != null) {
            sql.append(" and p.reference = ?");
            params.add(f.reference());
        }
        if (f.merchantId() != null) {
            sql.append(" and p.merchant_id = ?");
            params.add(f.merchantId());
        }
        if (f.status() != null) {
            List<String> names = new ArrayList<>();
            for (PaymentStatus s : PaymentStatus.values()) {
                if (s.apiName().equals(f.status().apiName())) {
                    names.add(s.name());
                }
            }
            sql.append(" and p.status in (").append("?, ".repeat(names.size() - 1)).append("?)");
            params.addAll(names);
        }
        if (f.currency() != null) {
            sql.append(" and p.currency = ?");
            params.add(f.currency());
        }
        if (f.minAmount() != null) {
            sql.append(" and p.amount >= ?");
            params.add(f.minAmount());
        }
        if (f.maxAmount() != null) {
            sql.append(" and p.amount <= ?");
            params.add(f.maxAmount());
        }
        if (f.cardLast4() != null) {
            sql.append(" and p.card_last4 = ?");
            params.add(f.cardLast4());
        }
        if (f.from() != null) {
            sql.append(" and p.created_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and p.created_at < ?");
            params.add(Timestamp.from(f.to()));
        }
    }

    /** A decline code as the API names it (the column holds the enum's name). */
    private static String lower(String code) {
        return code == null ? null : code.toLowerCase(java.util.Locale.ROOT);
    }

    private static PaymentRow row(ResultSet rs) throws SQLException {
        return new PaymentRow(rs.getString("id"), rs.getString("merchant_id"), rs.getString("merchant_name"),
                PaymentStatus.valueOf(rs.getString("status")).apiName(), rs.getLong("amount"), rs.getString("currency"),
                rs.getLong("amount_refunded"), rs.getString("reference"), rs.getString("card_brand"),
                rs.getString("card_last4"), lower(rs.getString("decline_code")), rs.getString("risk_decision"),
                JdbcTimes.instant(rs, "created_at"));
    }
}
