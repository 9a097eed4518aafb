package io.tillpoint.domain.model.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.infrastructure.json.RiskJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The default rules as the V9 migration seeds them are rules the gateway can read: every one
 * parses and passes the checks an operator's rule passes, and they are the ones the issue asks for.
 */
public class DefaultRulesTest {

    private static final Pattern ROW = Pattern.compile("\\('(rul_\\w+)', 1, '(\\w+)', (true|false), (\\d+), '(\\w+)',"
            + "\\s*'(\\{[^']*})',\\s*(\\d+), '(\\w+)', (null|\\d+), now\\(\\), 'tillpoint'\\)");

    /** The rules V9 seeds, as the gateway reads them. */
    public static List<RiskRule> seeded() throws IOException {
        String sql;
        try (InputStream in = DefaultRulesTest.class.getResourceAsStream("/db/migration/V9__risk_control.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<RiskRule> rules = new ArrayList<>();
        Matcher m = ROW.matcher(sql);
        while (m.find()) {
            rules.add(new RiskRule(m.group(1), 1, m.group(2), Boolean.parseBoolean(m.group(3)),
                    Integer.parseInt(m.group(4)), RiskJson.condition(m.group(5), m.group(6)),
                    Integer.parseInt(m.group(7)), RiskAction.ofWire(m.group(8), "action"),
                    "null".equals(m.group(9)) ? null : Duration.ofMinutes(Long.parseLong(m.group(9))), Instant.EPOCH,
                    "tillpoint"));
        }
        return rules;
    }

    @Test
    void every_seeded_rule_reads_and_passes_the_checks() throws IOException {
        List<RiskRule> rules = seeded();

        assertThat(rules).extracting(RiskRule::name).containsExactly("country_mismatch", "amount_above_limit",
                "amount_unusual_for_merchant", "new_country_for_customer", "failure_streak_card",
                "failure_streak_customer", "failure_streak_ip", "card_testing_ip", "card_testing_merchant");
        assertThat(rules).allMatch(RiskRule::enabled);
    }

    @Test
    void the_defaults_are_the_issues() throws IOException {
        List<RiskRule> rules = seeded();
        RiskRule mismatch = rules.get(0);
        RiskRule streak = rules.get(4);

        assertThat(((Condition.CountryMismatch) mismatch.condition()).thresholds().amounts()).containsEntry("USD", 50_000L);
        assertThat(mismatch.action()).isEqualTo(RiskAction.REVIEW);
        assertThat(streak.condition()).isEqualTo(new Condition.FailureStreak(SubjectKind.CARD, 3, Duration.ofMinutes(10)));
        assertThat(streak.freezeFor()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules.get(3).action()).isEqualTo(RiskAction.STEP_UP);
    }
}
