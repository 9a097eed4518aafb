package io.tillpoint.domain.model.card;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A card is valid through the last day of its expiry month. "Today" is fixed: November 2026. */
class ExpiryDateTest {

    private static final YearMonth NOVEMBER_2026 = YearMonth.of(2026, 11);
    private static final String MONTH = "payment_method.card.exp_month";
    private static final String YEAR = "payment_method.card.exp_year";

    @Test
    void theContractExampleIsValid() {
        assertThat(ExpiryDate.of(12, 2030, NOVEMBER_2026)).isEqualTo(new ExpiryDate(12, 2030));
    }

    @Test
    void aCardExpiringThisMonthIsStillValid() {
        assertThat(ExpiryDate.of(11, 2026, NOVEMBER_2026)).isEqualTo(new ExpiryDate(11, 2026));
    }

    @Test
    void aCardThatExpiredLastMonthIsRefused() {
        assertRefused(() -> ExpiryDate.of(10, 2026, NOVEMBER_2026), "invalid_expiry_year", YEAR);
        assertRefused(() -> ExpiryDate.of(12, 2025, NOVEMBER_2026), "invalid_expiry_year", YEAR);
    }

    @ParameterizedTest(name = "month {0}")
    @ValueSource(ints = {0, 13, -1, 99})
    void refusesAMonthOutsideOneToTwelve(int month) {
        assertRefused(() -> ExpiryDate.of(month, 2030, NOVEMBER_2026), "invalid_expiry_month", MONTH);
    }

    @ParameterizedTest(name = "month {0}")
    @ValueSource(ints = {1, 12})
    void acceptsJanuaryAndDecember(int month) {
        assertThat(ExpiryDate.of(month, 2030, NOVEMBER_2026).month()).isEqualTo(month);
    }

    @ParameterizedTest(name = "year {0}")
    @ValueSource(ints = {30, 1999, 2101, 20300})
    void refusesAYearThatIsNotFourDigitsOfThisCentury(int year) {
        assertRefused(() -> ExpiryDate.of(12, year, NOVEMBER_2026), "invalid_expiry_year", YEAR);
    }

    @Test
    void acceptsFiftyYearsAheadButNotMore() {
        assertThat(ExpiryDate.of(11, 2076, NOVEMBER_2026).year()).isEqualTo(2076);
        assertRefused(() -> ExpiryDate.of(12, 2076, NOVEMBER_2026), "invalid_expiry_year", YEAR);
    }

    @Test
    void monthAndYearAreRequired() {
        assertRefused(() -> ExpiryDate.of(null, 2030, NOVEMBER_2026), "invalid_request", MONTH);
        assertRefused(() -> ExpiryDate.of(12, null, NOVEMBER_2026), "invalid_request", YEAR);
    }
}
