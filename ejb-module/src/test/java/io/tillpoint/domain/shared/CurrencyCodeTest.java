package io.tillpoint.domain.shared;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract, "Money": currency is the upper-case ISO 4217 code; amounts are in its minor unit. */
class CurrencyCodeTest {

    @ParameterizedTest(name = "{0} has exponent {1}")
    @CsvSource({"JPY, 0", "USD, 2", "EUR, 2", "CNY, 2", "BHD, 3", "KWD, 3"})
    void knowsTheIso4217MinorUnitExponent(String code, int exponent) {
        CurrencyCode currency = CurrencyCode.of(code);

        assertThat(currency.code()).isEqualTo(code);
        assertThat(currency.exponent()).isEqualTo(exponent);
        assertThat(currency).hasToString(code);
    }

    @Test
    void theSameCodeIsTheSameCurrency() {
        assertThat(CurrencyCode.of("USD")).isEqualTo(CurrencyCode.of("USD")).isNotEqualTo(CurrencyCode.of("EUR"));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"usd", "Usd", "US", "USDX", "U5D", " USD", "ABC", "QQQ"})
    void refusesWhatIsNotAnUpperCaseIso4217Code(String code) {
        assertRefused(() -> CurrencyCode.of(code), "invalid_request", "currency");
    }

    @ParameterizedTest(name = "{0} is not money we move")
    @ValueSource(strings = {"XXX", "XTS", "XAU", "XAG", "XDR"})
    void refusesTestingNoCurrencyAndPreciousMetalCodes(String code) {
        assertRefused(() -> CurrencyCode.of(code), "invalid_request", "currency");
    }
}
