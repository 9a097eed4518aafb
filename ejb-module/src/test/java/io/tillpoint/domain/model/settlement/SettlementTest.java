package io.tillpoint.domain.model.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tillpoint.domain.model.ledger.Account;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.JournalType;
import io.tillpoint.domain.model.ledger.Posting;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A settlement's journals balance, name the settlement, and a negative net never pays out. */
class SettlementTest {

    private static final Instant T = Instant.parse("2026-11-25T00:00:00Z");

    private static Settlement settlement(long gross, long refunds, long fees) {
        return new Settlement("stl_1", "run_1", "mer_1", "BHD", T.minusSeconds(86_400), T, gross, refunds, fees, 3,
                SettlementStatus.OPEN, null, null, null, T, null);
    }

    @Test
    void net_is_gross_less_refunds_less_fees() {
        assertThat(settlement(10_000, 2_500, 320).net()).isEqualTo(7_180);
    }

    @Test
    void the_settlement_journal_moves_the_pending_balance_to_payable_and_the_fees_to_revenue() {
        Journal j = settlement(10_000, 2_500, 320).settlementJournal(T);

        assertThat(j.type()).isEqualTo(JournalType.SETTLEMENT);
        assertThat(j.settles()).isEqualTo("stl_1");
        assertThat(j.postings()).extracting(Posting::account, Posting::currency, Posting::amount).containsExactly(
                tuple(Account.MERCHANT_PAYABLE, "BHD", 7_500L),
                tuple(Account.GATEWAY_FEE_REVENUE, "BHD", -320L),
                tuple(Account.MERCHANT_SETTLED, "BHD", -7_180L));
        assertThat(j.postings().stream().mapToLong(Posting::amount).sum()).isZero();
    }

    @Test
    void a_negative_net_is_a_debit_on_the_settled_account_and_pays_nothing_out() {
        Settlement s = settlement(1_000, 4_000, 60);
        Journal j = s.settlementJournal(T);

        assertThat(s.net()).isEqualTo(-3_060);
        assertThat(j.postings()).extracting(Posting::account, Posting::amount).containsExactly(
                tuple(Account.MERCHANT_PAYABLE, -3_000L),
                tuple(Account.GATEWAY_FEE_REVENUE, -60L),
                tuple(Account.MERCHANT_SETTLED, 3_060L));
        assertThat(Settlement.payoutFor(0, s.net())).isZero();
    }

    @Test
    void a_carried_negative_balance_is_taken_from_the_next_payout() {
        assertThat(Settlement.payoutFor(-3_060, 10_000)).isEqualTo(6_940);
        assertThat(Settlement.payoutFor(-3_060, 3_000)).isZero();
        assertThat(Settlement.owedAfter(-3_060, 3_000)).isEqualTo(-60);
    }

    @Test
    void the_payout_journal_moves_the_settled_balance_to_payouts() {
        Journal j = settlement(10_000, 0, 320).payoutJournal(9_680, T);

        assertThat(j.type()).isEqualTo(JournalType.PAYOUT);
        assertThat(j.settles()).isEqualTo("stl_1");
        assertThat(j.postings()).extracting(Posting::account, Posting::amount).containsExactly(
                tuple(Account.MERCHANT_SETTLED, 9_680L), tuple(Account.MERCHANT_PAYOUTS, -9_680L));
    }

    @Test
    void a_settlement_of_zeros_posts_nothing() {
        assertThat(settlement(500, 500, 0).postsAnything()).isFalse();
        assertThat(settlement(500, 500, 30).postsAnything()).isTrue();
    }
}
