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
import java.util.ArrayList;
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
        try (Connection c = dataSource.getConnection()) {
            return current(c);
        } catch (SQLException e) {
            throw new PersistenceException("could not read the risk rules", e);
        }
    }

    /** The current version of every rule, in the order of evaluation (by order, then name). */
    static List<RiskRule> current(Connection c) throws SQLException {
        List<RiskRule> rules = list(c, "select * from (" + CURRENT + ") r order by sort_order, name");
        return rules;
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from (" + CURRENT + ") r"
                        + " where name = ? and rule_id <> ?")) {
            s.setString(1, name);
            s.setString(2, exceptRuleId == null ? "" : exceptRuleId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the risk rules", e);
        }
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
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ruleId);
            try (ResultSet rs = s.executeQuery()) {
                List<RiskRule> rules = new ArrayList<>();
                while (rs.next()) {
                    rules.add(rule(rs));
                }
                return rules;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read rule " + ruleId, e);
        }
    }

    private static List<RiskRule> list(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            List<RiskRule> rules = new ArrayList<>();
            while (rs.next()) {
                rules.add(rule(rs));
            }
            return rules;
        }
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
