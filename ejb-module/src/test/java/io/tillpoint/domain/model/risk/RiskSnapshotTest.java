package io.tillpoint.domain.model.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Screening from memory, as a payment meets it before the acquirer is called: frozen subjects and
 * blocklist entries block, the screening rules fire in their order, the most severe decision wins
 * and the scores add up to at most 100; the new-country rule needs the customer's known countries.
 */
class RiskSnapshotTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final CurrencyCode USD = CurrencyCode.of("USD");
    static final String MERCHANT = "mer_shop";

    static RiskRule rule(String name, int order, Condition condition, int score, RiskAction action) {
        return new RiskRule("rul_" + name.replace("_", ""), 1, name, true, order, condition, score, action,
                action == RiskAction.FREEZE ? Duration.ofMinutes(30) : null, NOW, "tillpoint");
    }

    static final RiskRule MISMATCH = rule("country_mismatch", 10,
            new Condition.CountryMismatch(AmountsByCurrency.of(Map.of("USD", 50_000L), "t")), 40, RiskAction.REVIEW);
    static final RiskRule LIMIT = rule("amount_above_limit", 20,
            new Condition.AmountAbove(AmountsByCurrency.of(Map.of("USD", 1_000_000L), "t")), 50, RiskAction.REVIEW);
    static final RiskRule UNUSUAL = rule("amount_unusual_for_merchant", 30, new Condition.AmountUnusual(4, 30), 40,
            RiskAction.REVIEW);
    static final RiskRule NEW_COUNTRY = rule("new_country_for_customer", 40, new Condition.NewCountry(), 30,
            RiskAction.STEP_UP);
    static final RiskRule STREAK = rule("failure_streak_card", 100,
            new Condition.FailureStreak(SubjectKind.CARD, 3, Duration.ofMinutes(10)), 80, RiskAction.FREEZE);

    static RiskSnapshot snapshot(List<BlocklistEntry> blocklist, List<Freeze> freezes) {
        return new RiskSnapshot(7, List.of(MISMATCH, LIMIT, UNUSUAL, NEW_COUNTRY, STREAK), blocklist, freezes, Map.of());
    }

    static PaymentFacts payment(long amount, String cardCountry, String payerCountry) {
        return new PaymentFacts(MERCHANT, Money.of(amount, USD), "i1.card", "424242", cardCountry, "c-1",
                "Ann@Example.COM", "203.0.113.9", payerCountry);
    }

    @Test
    void an_ordinary_payment_is_allowed_with_score_zero_and_no_rules() {
        RiskAssessment risk = snapshot(List.of(), List.of()).screen(payment(1999, "US", "US"), NOW).assessment();

        assertThat(risk.decision()).isEqualTo(RiskDecision.ALLOW);
        assertThat(risk.score()).isZero();
        assertThat(risk.rules()).isEmpty();
    }

    @Test
    void a_payer_from_another_country_than_the_card_at_or_above_the_threshold_is_held_for_review() {
        RiskSnapshot snapshot = snapshot(List.of(), List.of());

        assertThat(snapshot.screen(payment(50_000, "BR", "US"), NOW).assessment())
                .isEqualTo(RiskAssessment.of(40, RiskDecision.REVIEW, List.of("country_mismatch")));
        assertThat(snapshot.screen(payment(49_999, "BR", "US"), NOW).assessment().decision())
                .as("below the threshold").isEqualTo(RiskDecision.ALLOW);
        assertThat(snapshot.screen(payment(50_000, "BR", null), NOW).assessment().decision())
                .as("payer's country unknown").isEqualTo(RiskDecision.ALLOW);
        assertThat(snapshot.screen(payment(50_000, "BR", "BR"), NOW).assessment().decision())
                .as("same country").isEqualTo(RiskDecision.ALLOW);
        PaymentFacts euro = new PaymentFacts(MERCHANT, Money.of(90_000, CurrencyCode.of("EUR")), "i1.card", "424242",
                "BR", null, null, null, "US");
        assertThat(snapshot.screen(euro, NOW).assessment().decision())
                .as("a currency without a threshold is not checked").isEqualTo(RiskDecision.ALLOW);
    }

    @Test
    void fired_rules_add_their_scores_and_the_most_severe_decision_wins() {
        RiskRule blockBig = rule("block_huge", 5,
                new Condition.AmountAbove(AmountsByCurrency.of(Map.of("USD", 5_000_000L), "t")), 90, RiskAction.BLOCK);
        RiskSnapshot snapshot = new RiskSnapshot(1, List.of(MISMATCH, LIMIT, blockBig), List.of(), List.of(), Map.of());

        RiskAssessment review = snapshot.screen(payment(2_000_000, "BR", "US"), NOW).assessment();
        assertThat(review).isEqualTo(RiskAssessment.of(90, RiskDecision.REVIEW,
                List.of("country_mismatch", "amount_above_limit")));

        RiskAssessment blocked = snapshot.screen(payment(6_000_000, "BR", "US"), NOW).assessment();
        assertThat(blocked.decision()).isEqualTo(RiskDecision.BLOCK);
        assertThat(blocked.score()).as("at most 100").isEqualTo(100);
        assertThat(blocked.rules()).as("in their order").containsExactly("block_huge", "country_mismatch",
                "amount_above_limit");
    }

    @Test
    void disabled_rules_and_velocity_rules_do_not_screen() {
        RiskRule off = new RiskRule("rul_off", 2, "country_mismatch", false, 10, MISMATCH.condition(), 40,
                RiskAction.REVIEW, null, NOW, "ops");
        RiskSnapshot snapshot = new RiskSnapshot(1, List.of(off, STREAK), List.of(), List.of(), Map.of());

        assertThat(snapshot.screen(payment(90_000, "BR", "US"), NOW).assessment().decision())
                .isEqualTo(RiskDecision.ALLOW);
    }

    @Test
    void a_blocklisted_email_blocks_whatever_its_case() {
        BlocklistEntry email = BlocklistEntry.newEntry(BlocklistKind.EMAIL, " ann@example.com ", null, "fraud", NOW,
                "ops");
        RiskAssessment risk = snapshot(List.of(email), List.of()).screen(payment(1999, "US", "US"), NOW).assessment();

        assertThat(risk).isEqualTo(RiskAssessment.of(100, RiskDecision.BLOCK, List.of("blocklist_email")));
    }

    @Test
    void every_kind_of_blocklist_entry_blocks_its_payments_only() {
        List<BlocklistEntry> entries = List.of(
                BlocklistEntry.newCard("i1.card", "424242", "4242", "stolen", NOW, "ops"),
                BlocklistEntry.newEntry(BlocklistKind.BIN, "555555", null, "bad bin", NOW, "ops"),
                BlocklistEntry.newEntry(BlocklistKind.IP, "2001:DB8:0:0::1", null, "proxy", NOW, "ops"),
                BlocklistEntry.newEntry(BlocklistKind.CUSTOMER_ID, "c-9", MERCHANT, "abuse", NOW, "ops"));
        RiskSnapshot snapshot = snapshot(entries, List.of());

        assertThat(snapshot.screen(payment(100, "US", "US"), NOW).assessment().rules()).containsExactly("blocklist_card");
        PaymentFacts other = new PaymentFacts(MERCHANT, Money.of(100, USD), "i1.other", "555555", "US", "c-9", null,
                "2001:db8::1", "US");
        assertThat(snapshot.screen(other, NOW).assessment().rules())
                .containsExactlyInAnyOrder("blocklist_bin", "blocklist_ip", "blocklist_customer_id");
        PaymentFacts elsewhere = new PaymentFacts("mer_other", Money.of(100, USD), "i1.other", "400000", "US", "c-9",
                null, "2001:db8::2", "US");
        assertThat(snapshot.screen(elsewhere, NOW).assessment().decision())
                .as("a customer id is one merchant's").isEqualTo(RiskDecision.ALLOW);
    }

    @Test
    void a_removed_entry_blocks_nothing() {
        BlocklistEntry removed = new BlocklistEntry("bl_1", BlocklistKind.EMAIL, "ann@example.com", null, null, null,
                "x", NOW, "ops", NOW, "ops", "mistake");

        assertThat(snapshot(List.of(removed), List.of()).screen(payment(100, "US", "US"), NOW).assessment().decision())
                .isEqualTo(RiskDecision.ALLOW);
    }

    @Test
    void a_frozen_card_customer_ip_or_merchant_blocks_until_the_freeze_ends() {
        Freeze card = Freeze.byRule(STREAK, SubjectKind.CARD, "i1.card", MERCHANT, "424242", "pay_1", "streak", NOW);
        Freeze merchant = Freeze.byAnalyst(SubjectKind.MERCHANT, MERCHANT, null, null, null, "card testing", NOW,
                NOW.plus(Duration.ofHours(1)), "ops");
        RiskSnapshot snapshot = snapshot(List.of(), List.of(card, merchant));

        RiskAssessment during = snapshot.screen(payment(100, "US", "US"), NOW.plusSeconds(60)).assessment();
        assertThat(during.rules()).containsExactly("frozen_card", "frozen_merchant");
        assertThat(during.decision()).isEqualTo(RiskDecision.BLOCK);
        assertThat(snapshot.screen(payment(100, "US", "US"), NOW.plus(Duration.ofMinutes(31))).assessment().rules())
                .as("the card's 30 minutes are over").containsExactly("frozen_merchant");
        assertThat(snapshot.screen(payment(100, "US", "US"), NOW.plus(Duration.ofHours(2))).assessment().decision())
                .isEqualTo(RiskDecision.ALLOW);
    }

    @Test
    void a_lifted_freeze_blocks_nothing() {
        Freeze lifted = new Freeze("frz_1", SubjectKind.IP, "203.0.113.9", null, null, null, null, null, null, "x",
                NOW, "ops", NOW.plus(Duration.ofHours(1)), NOW, "ops", "false alarm");

        assertThat(snapshot(List.of(), List.of(lifted)).screen(payment(100, "US", "US"), NOW).assessment().decision())
                .isEqualTo(RiskDecision.ALLOW);
    }

    @Test
    void a_customer_paying_from_a_country_none_of_its_payments_came_from_is_stepped_up() {
        Screening screening = snapshot(List.of(), List.of()).screen(payment(1999, "US", "DE"), NOW);

        assertThat(screening.countryHistoryWanted()).isTrue();
        assertThat(screening.withKnownCountries(Set.of("US", "CA")))
                .isEqualTo(RiskAssessment.of(30, RiskDecision.STEP_UP, List.of("new_country_for_customer")));
        assertThat(screening.withKnownCountries(Set.of("DE"))).as("a known country").isEqualTo(RiskAssessment.ALLOW);
        assertThat(screening.withKnownCountries(Set.of())).as("a first payment").isEqualTo(RiskAssessment.ALLOW);
    }

    @Test
    void the_known_countries_are_not_wanted_without_a_customer_or_country_or_when_blocked_anyway() {
        RiskSnapshot snapshot = snapshot(List.of(BlocklistEntry.newEntry(BlocklistKind.BIN, "400000", null, "x", NOW,
                "ops")), List.of());
        PaymentFacts anonymous = new PaymentFacts(MERCHANT, Money.of(100, USD), "i1.card", "424242", "US", null, null,
                null, "US");
        PaymentFacts blocked = new PaymentFacts(MERCHANT, Money.of(100, USD), "i1.card", "400000", "US", "c-1", null,
                null, "US");

        assertThat(snapshot.screen(anonymous, NOW).countryHistoryWanted()).isFalse();
        assertThat(snapshot.screen(payment(100, "US", null), NOW).countryHistoryWanted()).isFalse();
        assertThat(snapshot.screen(blocked, NOW).countryHistoryWanted()).isFalse();
        assertThat(RiskSnapshot.NONE.screen(payment(100, "US", "US"), NOW).countryHistoryWanted())
                .as("no new-country rule").isFalse();
    }

    @Test
    void a_step_up_and_a_review_together_are_a_review() {
        Screening screening = snapshot(List.of(), List.of()).screen(payment(60_000, "BR", "DE"), NOW);

        assertThat(screening.withKnownCountries(Set.of("BR"))).isEqualTo(RiskAssessment.of(70, RiskDecision.REVIEW,
                List.of("country_mismatch", "new_country_for_customer")));
    }

    @Test
    void an_amount_far_above_the_merchants_usual_range_is_held_for_review_once_it_has_enough_history() {
        MerchantAmounts usual = MerchantAmounts.NONE;
        for (int i = 0; i < 40; i++) {
            usual = usual.with(1000 + 100L * (i % 10));
        }
        RiskSnapshot snapshot = new RiskSnapshot(1, List.of(UNUSUAL), List.of(), List.of(),
                Map.of(RiskSnapshot.usualKey(MERCHANT, "USD"), usual));

        assertThat(snapshot.screen(payment(2500, "US", "US"), NOW).assessment().decision()).isEqualTo(RiskDecision.ALLOW);
        assertThat(snapshot.screen(payment(100_000, "US", "US"), NOW).assessment().rules())
                .containsExactly("amount_unusual_for_merchant");
        RiskSnapshot young = new RiskSnapshot(1, List.of(UNUSUAL), List.of(), List.of(),
                Map.of(RiskSnapshot.usualKey(MERCHANT, "USD"), MerchantAmounts.NONE.with(1000).with(1100)));
        assertThat(young.screen(payment(100_000, "US", "US"), NOW).assessment().decision())
                .as("too few payments to know a usual range").isEqualTo(RiskDecision.ALLOW);
    }
}
