package io.tillpoint.domain.model.merchant;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract: "pricing": {"percent_bps": 290, "fixed": 30}. */
class PricingTest {

    @Test
    void theContractExample() {
        Pricing pricing = Pricing.of(290, 30);

        assertThat(pricing.percentBps()).isEqualTo(290);
        assertThat(pricing.fixed()).isEqualTo(30);
    }

    @Test
    void acceptsTheBoundaries() {
        assertThat(Pricing.of(0, 0).percentBps()).isZero();
        assertThat(Pricing.of(10_000, 1_000_000).fixed()).isEqualTo(1_000_000);
    }

    @ParameterizedTest(name = "{0} bps")
    @ValueSource(longs = {-1, 10_001, Integer.MAX_VALUE + 1L, Long.MIN_VALUE})
    void refusesAPercentOutsideZeroToTenThousandBasisPoints(long bps) {
        assertRefused(() -> Pricing.of(bps, 30), "invalid_request", "pricing.percent_bps");
    }

    @ParameterizedTest(name = "fixed {0}")
    @ValueSource(longs = {-1, 1_000_001, Long.MAX_VALUE})
    void refusesAFixedFeeOutsideZeroToOneMillionMinorUnits(long fixed) {
        assertRefused(() -> Pricing.of(290, fixed), "invalid_request", "pricing.fixed");
    }
}
