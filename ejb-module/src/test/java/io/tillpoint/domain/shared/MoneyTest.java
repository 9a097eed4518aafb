package io.tillpoint.domain.shared;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract, "Money": an integer in the minor unit, > 0 and <= 10^12; never floating point. */
class MoneyTest {

    private static final CurrencyCode USD = CurrencyCode.of("USD");
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final long TEN_TO_THE_12 = 1_000_000_000_000L;

    @Test
    void theLargestPaymentAmountIsTenToTheTwelveMinorUnits() {
        assertThat(Money.MAX_PAYMENT_AMOUNT).isEqualTo(TEN_TO_THE_12);
        assertThat(Money.paymentAmount(TEN_TO_THE_12, USD, "amount")).isEqualTo(Money.of(TEN_TO_THE_12, USD));
    }

    @Test
    void oneMinorUnitIsTheSmallestPaymentAmount() {
        assertThat(Money.paymentAmount(1, USD, "amount").minorUnits()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} minor units are refused")
    @ValueSource(longs = {0, -1, -1999, Long.MIN_VALUE, TEN_TO_THE_12 + 1, Long.MAX_VALUE})
    void refusesPaymentAmountsOutsideOneToTenToTheTwelve(long minorUnits) {
        assertRefused(() -> Money.paymentAmount(minorUnits, USD, "amount"), "invalid_request", "amount");
    }

    @Test
    void aRefusedAmountNamesTheParamItCameFrom() {
        assertRefused(() -> Money.paymentAmount(0, USD, "refund.amount"), "invalid_request", "refund.amount");
    }

    @Test
    void addsAndSubtractsInTheSameCurrency() {
        Money a = Money.of(1999, USD);
        Money b = Money.of(1, USD);

        assertThat(a.plus(b)).isEqualTo(Money.of(2000, USD));
        assertThat(a.minus(b)).isEqualTo(Money.of(1998, USD));
        assertThat(b.minus(a)).isEqualTo(Money.of(-1998, USD));
        assertThat(a.negate()).isEqualTo(Money.of(-1999, USD));
    }

    @Test
    void arithmeticFailsLoudlyOnOverflow() {
        Money max = Money.of(Long.MAX_VALUE, USD);
        Money min = Money.of(Long.MIN_VALUE, USD);

        assertThatThrownBy(() -> max.plus(Money.of(1, USD))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(Money.of(1, USD))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(min::negate).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesToMixCurrencies() {
        Money dollars = Money.of(100, USD);
        Money euros = Money.of(100, EUR);

        assertThatThrownBy(() -> dollars.plus(euros)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch");
        assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dollars.compareTo(euros)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dollars.isGreaterThan(euros)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesWithinACurrency() {
        assertThat(Money.of(2, USD).isGreaterThan(Money.of(1, USD))).isTrue();
        assertThat(Money.of(1, USD).isGreaterThan(Money.of(1, USD))).isFalse();
        assertThat(Money.zero(USD).isZero()).isTrue();
        assertThat(Money.of(1, USD).isPositive()).isTrue();
        assertThat(Money.of(-1, USD).isPositive()).isFalse();
    }

    @Test
    void alwaysHasACurrency() {
        assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAsMinorUnitsAndCode() {
        assertThat(Money.of(1999, USD)).hasToString("1999 USD");
    }
}
