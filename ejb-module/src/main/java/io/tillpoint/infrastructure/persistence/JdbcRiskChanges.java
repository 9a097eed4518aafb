package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.risk.MerchantAmounts;
import io.tillpoint.domain.model.risk.RiskChanges;
import io.tillpoint.domain.model.risk.RiskSnapshot;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The change counter {@code risk_change} and the snapshot of what screening needs. The snapshot's
 * statements run in one read-only repeatable-read transaction, so the counter, rules, blocklist,
 * freezes and usual amounts are exactly those of one moment (a change that commits meanwhile moves
 * the counter past the one read, and the next poll reads again). Called outside any JTA
 * transaction (the refresh timer's thread).
 */
@ApplicationScoped
public class JdbcRiskChanges implements RiskChanges {

    private static final ChangeCounter COUNTER = new ChangeCounter("risk_change");
    static final String USUAL_AMOUNTS = "select merchant_id, currency, payments, log_mean, log_m2 from risk_merchant_amount";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public void recordChange() {
        COUNTER.bump(dataSource);
    }

    @Override
    public long counter() {
        return COUNTER.read(dataSource);
    }

    @Override
    public RiskSnapshot snapshot() {
        try (Connection c = dataSource.getConnection()) {
            // Outside a transaction (the refresh timer): one read-only repeatable-read transaction of
            // its own. Inside one (a first use from a consumer's transaction): that transaction's reads.
            boolean own = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            if (own) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                long counter = JdbcRows.list(c, COUNTER.readStatement(), rs -> rs.getLong(1)).get(0);
                RiskSnapshot snapshot = new RiskSnapshot(counter, JdbcRiskRules.current(c), JdbcBlocklist.active(c),
                        JdbcFreezes.active(c), usualAmounts(c));
                if (own) {
                    c.commit();
                }
                return snapshot;
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    c.setTransactionIsolation(isolation);
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the risk rules, blocklists and freezes", e);
        }
    }

    private static Map<String, MerchantAmounts> usualAmounts(Connection c) throws SQLException {
        Map<String, MerchantAmounts> usual = new HashMap<>();
        JdbcRows.list(c, USUAL_AMOUNTS, rs -> usual.put(RiskSnapshot.usualKey(rs.getString(1), rs.getString(2)),
                new MerchantAmounts(rs.getLong(3), rs.getDouble(4), rs.getDouble(5))));
        return usual;
    }
}
