package io.tillpoint.domain.model.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mod-10 check every card number carries. */
class LuhnTest {

    static final String[] CONTRACT_TEST_CARDS = TestCards.CONTRACT_TEST_CARDS;

    @ParameterizedTest(name = "{0} passes")
    @FieldSource("CONTRACT_TEST_CARDS")
    void everySandboxTestCardOfTheContractPasses(String number) {
        assertThat(Luhn.isValid(number)).isTrue();
    }

    @ParameterizedTest(name = "{0} passes")
    @ValueSource(strings = {"6011111111111117", "3530111333300000", "36227206271667", "6200000000000005"})
    void otherWellKnownNumbersPass(String number) {
        assertThat(Luhn.isValid(number)).isTrue();
    }

    @ParameterizedTest(name = "{0} fails")
    @ValueSource(strings = {"4242424242424241", "4242424242424243", "5555555555554445", "378282246310006",
        "1234567812345678", "4242 4242 4242 4242", "42424242424242a2"})
    void aWrongCheckDigitOrANonDigitFails(String number) {
        assertThat(Luhn.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingIsNotACardNumber(String number) {
        assertThat(Luhn.isValid(number)).isFalse();
    }
}
