package io.tillpoint.domain.model.card;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The CVC: 3 digits, 4 for Amex; checked, passed on, never stored, never printed. */
class CardVerificationCodeTest {

    private static final String PARAM = "payment_method.card.cvc";

    @ParameterizedTest(name = "{0} takes 3 digits")
    @EnumSource(value = CardBrand.class, names = "AMEX", mode = EnumSource.Mode.EXCLUDE)
    void threeDigitsForEveryBrandButAmex(CardBrand brand) {
        assertThat(CardVerificationCode.parse("123", brand).reveal()).isEqualTo("123");
        assertRefused(() -> CardVerificationCode.parse("1234", brand), "invalid_cvc", PARAM);
    }

    @Test
    void fourDigitsForAmex() {
        assertThat(CardVerificationCode.parse("1234", CardBrand.AMEX).reveal()).isEqualTo("1234");
        assertRefused(() -> CardVerificationCode.parse("123", CardBrand.AMEX), "invalid_cvc", PARAM);
    }

    @ParameterizedTest(name = "''{0}'' for {1}")
    @CsvSource(value = {"'', VISA", "12, VISA", "12a, VISA", "' 123', VISA", "12345, AMEX", "abcd, AMEX",
        "'１２３', VISA"})
    void refusesWrongLengthsAndNonDigits(String raw, CardBrand brand) {
        assertRefused(() -> CardVerificationCode.parse(raw, brand), "invalid_cvc", PARAM);
    }

    @Test
    void anAbsentCvcIsAllowed() {
        assertThat(CardVerificationCode.parse(null, CardBrand.VISA)).isNull();
    }

    @Test
    void neverPrintsItsDigits() {
        assertThat(CardVerificationCode.parse("123", CardBrand.VISA)).hasToString("***");
        assertThat(CardVerificationCode.parse("1234", CardBrand.AMEX)).hasToString("***");
    }
}
