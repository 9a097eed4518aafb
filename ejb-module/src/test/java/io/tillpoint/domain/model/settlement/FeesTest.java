package io.tillpoint.domain.model.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The contract's fee: round_half_even(amount * percent_bps / 10000) + fixed, in minor units. */
class FeesTest {

    @Test
    void the_contract_example_290_bps_plus_30_on_1999_cents() {
        // 1999 * 290 / 10000 = 57.971 -> 58, plus 30
        assertThat(Fees.captureFee(1999, 290, 30)).isEqualTo(88);
    }

    @Test
    void exact_halves_round_to_the_even_neighbour() {
        // 250 bps: amount / 40. 20 / 40 = 0.5 -> 0; 60 / 40 = 1.5 -> 2; 100 / 40 = 2.5 -> 2; 140 / 40 = 3.5 -> 4
        assertThat(Fees.captureFee(20, 250, 0)).isZero();
        assertThat(Fees.captureFee(60, 250, 0)).isEqualTo(2);
        assertThat(Fees.captureFee(100, 250, 0)).isEqualTo(2);
        assertThat(Fees.captureFee(140, 250, 0)).isEqualTo(4);
    }

    @Test
    void just_above_and_below_a_half() {
        assertThat(Fees.captureFee(21, 250, 0)).isEqualTo(1);   // 0.525
        assertThat(Fees.captureFee(19, 250, 0)).isZero();       // 0.475
    }

    @Test
    void agrees_with_big_decimal_half_even_on_random_amounts_up_to_the_contract_limit() {
        Random random = new Random(19);
        for (int i = 0; i < 100_000; i++) {
            long amount = 1 + (long) (random.nextDouble() * (i % 2 == 0 ? 1_000_000 : 1_000_000_000_000L));
            int bps = random.nextInt(10_001);
            long fixed = random.nextInt(1000);
            long expected = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(bps))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN).longValueExact() + fixed;
            assertThat(Fees.captureFee(amount, bps, fixed)).as("%d at %d bps + %d", amount, bps, fixed)
                    .isEqualTo(expected);
        }
    }

    @Test
    void a_refund_takes_no_fee() {
        UnsettledTransaction refund = new UnsettledTransaction("j1", "mer_1", "USD", TransactionKind.REFUND, "pay_1",
                5000, java.time.Instant.EPOCH, 290, 30);
        assertThat(refund.toItem().fee()).isZero();
        assertThat(refund.toItem().refunds()).isEqualTo(5000);
        assertThat(refund.toItem().gross()).isZero();
    }
}
