package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.risk.RiskAction;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.risk.RiskRules;
import io.tillpoint.infrastructure.json.RiskJson;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Rule versions in {@code risk_rule_version}: a change inserts the next version, nothing is ever
 * updated; the current rule is its highest version. The condition is kept as its kind and its
 * parameters, the admin API's JSON without the kind ({@link RiskJson#parameters}).
 */
@ApplicationScoped
public class JdbcRiskRules implements RiskRules {

    static final String COLUMNS = "rule_id, version, name, enabled, sort_order, kind, parameters, score, action,"
            + " freeze_minutes, created_at, created_by";
    static final String CURRENT = "select distinct on (rule_id) " + COLUMNS + " from risk_rule_version"
            + " order by rule_id, version desc";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public List<RiskRule> current() {
        return JdbcRows.list(dataSource, "the risk rules", "select * from (" + CURRENT + ") r order by sort_order, name",
                JdbcRiskRules::rule);
    }

    /** The current version of every rule, in the order of evaluation (by order, then name). */
    static List<RiskRule> current(Connection c) throws SQLException {
        return JdbcRows.list(c, "select * from (" + CURRENT + ") r order by sort_order, name", JdbcRiskRules::rule);
    }

    @Override
    public Optional<RiskRule> find(String ruleId) {
        List<RiskRule> found = query("select " + COLUMNS + " from risk_rule_version where rule_id = ?"
                + " order by version desc limit 1", ruleId);
        return found.stream().findFirst();
    }

    @Override
    public List<RiskRule> versions(String ruleId) {
        return query("select " + COLUMNS + " from risk_rule_version where rule_id = ? order by version desc", ruleId);
    }

    @Override
    public boolean nameTaken(String name, String exceptRuleId) {
        return JdbcRows.count(dataSource, "the risk rules", "select count(*) from (" + CURRENT + ") r"
                + " where name = ? and rule_id <> ?", name, exceptRuleId == null ? "" : exceptRuleId) > 0;
    }

    @Override
    public boolean add(RiskRule r) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into risk_rule_version (" + COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (rule_id, version) do nothing")) {
            s.setString(1, r.id());
            s.setInt(2, r.version());
            s.setString(3, r.name());
            s.setBoolean(4, r.enabled());
            s.setInt(5, r.order());
            s.setString(6, r.condition().kind().wire());
            s.setString(7, RiskJson.parameters(r.condition()));
            s.setInt(8, r.score());
            s.setString(9, r.action().wire());
            if (r.freezeFor() == null) {
                s.setNull(10, Types.INTEGER);
            } else {
                s.setInt(10, (int) r.freezeFor().toMinutes());
            }
            s.setTimestamp(11, Timestamp.from(r.createdAt()));
            s.setString(12, r.createdBy());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceException("could not store version " + r.version() + " of rule " + r.id(), e);
        }
    }

    private List<RiskRule> query(String sql, String ruleId) {
        return JdbcRows.list(dataSource, "rule " + ruleId, sql, JdbcRiskRules::rule, ruleId);
    }

    static RiskRule rule(ResultSet rs) throws SQLException {
        int freezeMinutes = rs.getInt("freeze_minutes");
        Duration freezeFor = rs.wasNull() ? null : Duration.ofMinutes(freezeMinutes);
        return new RiskRule(rs.getString("rule_id"), rs.getInt("version"), rs.getString("name"),
                rs.getBoolean("enabled"), rs.getInt("sort_order"),
                RiskJson.condition(rs.getString("kind"), rs.getString("parameters")),
                rs.getInt("score"), RiskAction.ofWire(rs.getString("action"), "action"), freezeFor,
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
