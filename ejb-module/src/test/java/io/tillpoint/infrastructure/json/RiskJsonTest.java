package io.tillpoint.infrastructure.json;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.risk.Condition;
import io.tillpoint.domain.model.risk.RiskAssessment;
import io.tillpoint.domain.model.risk.RiskDecision;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rule's condition as the admin API takes and shows it, and as the database keeps it: read strictly. */
class RiskJsonTest {

    static JsonObject json(String text) {
        return Jsons.reader(new StringReader(text)).readObject();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"kind\":\"country_mismatch\",\"thresholds\":{\"EUR\":50000,\"USD\":50000}}",
            "{\"kind\":\"amount_above\",\"limits\":{\"JPY\":150000000}}",
            "{\"kind\":\"amount_unusual\",\"deviations\":4.5,\"min_payments\":30}",
            "{\"kind\":\"new_country\"}",
            "{\"kind\":\"failure_streak\",\"subject\":\"customer\",\"declines\":5,\"window_minutes\":10}",
            "{\"kind\":\"card_testing\",\"subject\":\"ip\",\"attempts\":10,\"distinct_cards\":5,"
                    + "\"small_amounts\":{\"USD\":500},\"window_minutes\":10,\"min_decline_ratio\":0.5}"})
    void every_kind_reads_back_as_it_was_written(String text) {
        Condition condition = RiskJson.condition(json(text));

        assertThat(RiskJson.condition(condition)).isEqualTo(json(text));
        assertThat(RiskJson.condition(condition.kind().wire(), RiskJson.parameters(condition))).isEqualTo(condition);
        assertThat(json(RiskJson.parameters(condition))).doesNotContainKey("kind");
    }

    @Test
    void an_unknown_missing_or_mistyped_field_is_refused_by_name() {
        assertRefused(() -> RiskJson.condition(json("{\"kind\":\"new_country\",\"x\":1}")), "invalid_request",
                "condition.x");
        assertRefused(() -> RiskJson.condition(json("{\"kind\":\"sometimes\"}")), "invalid_request", "condition.kind");
        assertRefused(() -> RiskJson.condition(json("{}")), "invalid_request", "condition.kind");
        assertRefused(() -> RiskJson.condition(json("{\"kind\":\"failure_streak\",\"subject\":\"card\","
                + "\"declines\":\"3\",\"window_minutes\":10}")), "invalid_request", "condition.declines");
        assertRefused(() -> RiskJson.condition(json("{\"kind\":\"failure_streak\",\"subject\":\"card\","
                + "\"declines\":3.5,\"window_minutes\":10}")), "invalid_request", "condition.declines");
        assertRefused(() -> RiskJson.condition(json("{\"kind\":\"failure_streak\",\"subject\":\"card\","
                + "\"declines\":3}")), "invalid_request", "condition.window_minutes");
        assertRefused(() -> RiskJson.condition(json("{\"kind\":\"amount_above\",\"limits\":[1]}")), "invalid_request",
                "condition.limits");
        assertRefused(() -> RiskJson.condition(json("{\"kind\":\"amount_above\",\"limits\":{\"USD\":1.5}}")),
                "invalid_request", "condition.limits.USD");
        assertRefused(() -> RiskJson.condition(json("{\"kind\":\"failure_streak\",\"subject\":\"card\","
                + "\"declines\":99999999999,\"window_minutes\":10}")), "invalid_request", "condition.declines");
    }

    @Test
    void the_payments_risk_field_shows_score_decision_and_rules() {
        assertThat(RiskJson.assessment(RiskAssessment.of(40, RiskDecision.REVIEW, List.of("country_mismatch"))))
                .isEqualTo(json("{\"score\":40,\"decision\":\"review\",\"rules\":[\"country_mismatch\"]}"));
        assertThat(RiskJson.assessment(RiskAssessment.ALLOW))
                .isEqualTo(json("{\"score\":0,\"decision\":\"allow\",\"rules\":[]}"));
        assertThat(RiskJson.assessment(null)).isEqualTo(JsonValue.NULL);
    }
}
