package io.tillpoint.domain.model.risk;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a rule may be: each refusal names the field, as the admin API answers it (400). */
class RiskRuleTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Condition STREAK = new Condition.FailureStreak(SubjectKind.CARD, 3, Duration.ofMinutes(10));
    static final Condition LIMIT = new Condition.AmountAbove(AmountsByCurrency.of(Map.of("USD", 100_000L), "limits"));

    @Test
    void a_new_rule_is_version_one_and_a_change_the_next_version_of_the_same_rule() {
        RiskRule first = RiskRule.create("big_amounts", true, 20, LIMIT, 50, RiskAction.REVIEW, null, NOW, "ops");
        RiskRule second = first.nextVersion("big_amounts", false, 25, LIMIT, 60, RiskAction.BLOCK, null,
                NOW.plusSeconds(60), "ops2");

        assertThat(first.id()).startsWith("rul_");
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.enabled()).isFalse();
        assertThat(second.createdBy()).isEqualTo("ops2");
    }

    @Test
    void screening_conditions_review_block_or_step_up_and_velocity_conditions_freeze() {
        assertRefused(() -> RiskRule.create("x", true, 1, LIMIT, 10, RiskAction.FREEZE, Duration.ofMinutes(5), NOW, "o"),
                "invalid_request", "action");
        assertRefused(() -> RiskRule.create("x", true, 1, STREAK, 10, RiskAction.REVIEW, null, NOW, "o"),
                "invalid_request", "action");
        assertRefused(() -> RiskRule.create("x", true, 1, STREAK, 10, RiskAction.FREEZE, null, NOW, "o"),
                "invalid_request", "freeze_minutes");
        assertRefused(() -> RiskRule.create("x", true, 1, LIMIT, 10, RiskAction.REVIEW, Duration.ofMinutes(5), NOW, "o"),
                "invalid_request", "freeze_minutes");
        assertRefused(() -> RiskRule.create("x", true, 1, STREAK, 10, RiskAction.FREEZE, Duration.ofDays(31), NOW, "o"),
                "invalid_request", "freeze_minutes");
    }

    @Test
    void names_scores_and_orders_have_their_ranges() {
        assertRefused(() -> RiskRule.create("Big", true, 1, LIMIT, 10, RiskAction.REVIEW, null, NOW, "o"),
                "invalid_request", "name");
        assertRefused(() -> RiskRule.create("blocklist_email", true, 1, LIMIT, 10, RiskAction.REVIEW, null, NOW, "o"),
                "invalid_request", "name");
        assertRefused(() -> RiskRule.create("frozen_x", true, 1, LIMIT, 10, RiskAction.REVIEW, null, NOW, "o"),
                "invalid_request", "name");
        assertRefused(() -> RiskRule.create("x", true, 1, LIMIT, 101, RiskAction.REVIEW, null, NOW, "o"),
                "invalid_request", "score");
        assertRefused(() -> RiskRule.create("x", true, -1, LIMIT, 1, RiskAction.REVIEW, null, NOW, "o"),
                "invalid_request", "order");
    }

    @Test
    void conditions_check_their_parameters() {
        assertRefused(() -> new Condition.FailureStreak(SubjectKind.MERCHANT, 3, Duration.ofMinutes(10)),
                "invalid_request", "condition.subject");
        assertRefused(() -> new Condition.FailureStreak(SubjectKind.CARD, 1, Duration.ofMinutes(10)),
                "invalid_request", "condition.declines");
        assertRefused(() -> new Condition.FailureStreak(SubjectKind.CARD, 3, Duration.ofHours(25)),
                "invalid_request", "condition.window_minutes");
        AmountsByCurrency small = AmountsByCurrency.of(Map.of("USD", 500L), "condition.small_amounts");
        assertRefused(() -> new Condition.CardTesting(SubjectKind.CARD, 10, 5, small, Duration.ofMinutes(10), 0),
                "invalid_request", "condition.subject");
        assertRefused(() -> new Condition.CardTesting(SubjectKind.IP, 10, 11, small, Duration.ofMinutes(10), 0),
                "invalid_request", "condition.distinct_cards");
        assertRefused(() -> new Condition.CardTesting(SubjectKind.IP, 10, 5, small, Duration.ofMinutes(10), 1.5),
                "invalid_request", "condition.min_decline_ratio");
        assertRefused(() -> new Condition.AmountUnusual(0.5, 30), "invalid_request", "condition.deviations");
        assertRefused(() -> AmountsByCurrency.of(Map.of("usd", 1L), "condition.limits"), "invalid_request",
                "condition.limits");
        assertRefused(() -> AmountsByCurrency.of(Map.of("USD", 0L), "condition.limits"), "invalid_request",
                "condition.limits.USD");
        assertRefused(() -> AmountsByCurrency.of(Map.of(), "condition.limits"), "invalid_request", "condition.limits");
    }

    @Test
    void velocity_conditions_hold_on_their_counts() {
        Condition.FailureStreak streak = (Condition.FailureStreak) STREAK;
        assertThat(streak.holdsFor(new VelocityCount(5, 2, 1))).isFalse();
        assertThat(streak.holdsFor(new VelocityCount(3, 3, 1))).isTrue();

        Condition.CardTesting testing = new Condition.CardTesting(SubjectKind.MERCHANT, 10, 5,
                AmountsByCurrency.of(Map.of("USD", 500L), "t"), Duration.ofMinutes(10), 0.5);
        assertThat(testing.holdsFor(new VelocityCount(10, 5, 5))).isTrue();
        assertThat(testing.holdsFor(new VelocityCount(10, 4, 9))).as("too few declined").isFalse();
        assertThat(testing.holdsFor(new VelocityCount(10, 9, 4))).as("too few cards").isFalse();
        assertThat(testing.holdsFor(new VelocityCount(9, 9, 9))).as("too few attempts").isFalse();
    }
}
