package io.tillpoint.domain.model.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A merchant's usual amounts: Welford's running mean and deviation of the amounts' logarithm. */
class MerchantAmountsTest {

    @Test
    void the_running_mean_and_deviation_are_those_of_the_logarithms() {
        long[] amounts = {100, 1000, 10_000, 1000};
        MerchantAmounts usual = MerchantAmounts.NONE;
        for (long a : amounts) {
            usual = usual.with(a);
        }
        double mean = (Math.log(100) + 2 * Math.log(1000) + Math.log(10_000)) / 4;
        double variance = 0;
        for (long a : amounts) {
            variance += Math.pow(Math.log(a) - mean, 2);
        }
        variance /= 3;

        assertThat(usual.payments()).isEqualTo(4);
        assertThat(usual.logMean()).isCloseTo(mean, within(1e-12));
        assertThat(usual.deviation()).isCloseTo(Math.sqrt(variance), within(1e-12));
    }

    @Test
    void a_merchant_that_always_takes_one_amount_is_not_flagged_for_a_little_more() {
        MerchantAmounts usual = MerchantAmounts.NONE;
        for (int i = 0; i < 50; i++) {
            usual = usual.with(1000);
        }

        assertThat(usual.deviation()).isZero();
        assertThat(usual.isFarAbove(2000, 4)).isFalse();
        assertThat(usual.ceiling(4)).isCloseTo(1000 * Math.exp(2), within(1e-6));
        assertThat(usual.isFarAbove(8000, 4)).isTrue();
    }
}
