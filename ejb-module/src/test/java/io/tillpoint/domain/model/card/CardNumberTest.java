package io.tillpoint.domain.model.card;

import static io.tillpoint.domain.model.card.TestCards.withCheckDigit;
import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract: a Luhn-invalid number is a 400; the full number is never returned, logged or stored. */
class CardNumberTest {

    private static final String PARAM = "payment_method.card.number";
    static final String[] CONTRACT_TEST_CARDS = TestCards.CONTRACT_TEST_CARDS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACT_TEST_CARDS")
    void acceptsEverySandboxTestCard(String number) {
        assertThat(CardNumber.parse(number).reveal()).isEqualTo(number);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"4242 4242 4242 4242", "4242-4242-4242-4242", "4242424242424242", "4242 4242-4242 4242"})
    void acceptsDigitsGroupedBySpacesOrDashes(String raw) {
        assertThat(CardNumber.parse(raw)).isEqualTo(CardNumber.parse("4242424242424242"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"4242 4242 4242 424X", "four two four two", "4242.4242.4242.4242", "4242/4242/4242/4242",
        "+4242424242424242", "４２４２４２４２４２４２４２４２"})
    void refusesLettersAndOtherSymbols(String raw) {
        assertRefused(() -> CardNumber.parse(raw), "invalid_number", PARAM);
    }

    @Test
    void refusesElevenDigitsEvenWhenTheyPassLuhn() {
        String eleven = withCheckDigit("4242424242");
        assertThat(Luhn.isValid(eleven)).isTrue();

        assertRefused(() -> CardNumber.parse(eleven), "invalid_number", PARAM);
    }

    @Test
    void refusesTwentyDigitsEvenWhenTheyPassLuhn() {
        String twenty = withCheckDigit("4242424242424242424");
        assertThat(Luhn.isValid(twenty)).isTrue();

        assertRefused(() -> CardNumber.parse(twenty), "invalid_number", PARAM);
    }

    @Test
    void acceptsTwelveAndNineteenDigits() {
        assertThat(CardNumber.parse(withCheckDigit("42424242424")).reveal()).hasSize(12);
        assertThat(CardNumber.parse(withCheckDigit("424242424242424242")).reveal()).hasSize(19);
    }

    @Test
    void refusesAnAbsurdlyLongInputBeforeLookingAtIt() {
        assertRefused(() -> CardNumber.parse("4242 ".repeat(8) + "4"), "invalid_number", PARAM);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4242424242424241", "5555555555554445", "378282246310006", "4000000000000003"})
    void refusesANumberThatFailsLuhn(String number) {
        assertRefused(() -> CardNumber.parse(number), "invalid_number", PARAM);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingNumberIsRequired(String raw) {
        assertRefused(() -> CardNumber.parse(raw), "invalid_request", PARAM);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "4242424242424242, VISA",
        "4000000000000002, VISA",
        "5555555555554444, MASTERCARD",
        "5105105105105100, MASTERCARD",
        "2223003122003222, MASTERCARD",
        "378282246310005, AMEX",
        "371449635398431, AMEX",
        "6011111111111117, DISCOVER",
        "6445644564456445, DISCOVER",
        "3530111333300000, JCB",
        "3566002020360505, JCB",
        "36227206271667, DINERS",
        "30569309025904, DINERS",
        "6200000000000005, UNIONPAY",
        "1234567812345670, UNKNOWN",
    })
    void recognisesTheBrandFromTheLeadingDigits(String number, CardBrand brand) {
        assertThat(CardNumber.parse(number).brand()).isEqualTo(brand);
    }

    @ParameterizedTest(name = "{0}xxx is {1}")
    @CsvSource({"222100000000000, MASTERCARD", "272099999999999, MASTERCARD", "222099999999999, UNKNOWN",
        "272100000000000, UNKNOWN"})
    void theMastercardTwoSeriesIs2221To2720(String body, CardBrand brand) {
        assertThat(CardNumber.parse(withCheckDigit(body)).brand()).isEqualTo(brand);
    }

    @Test
    void brandsHaveTheirApiNames() {
        assertThat(CardBrand.VISA.apiName()).isEqualTo("visa");
        assertThat(CardBrand.MASTERCARD.apiName()).isEqualTo("mastercard");
        assertThat(CardBrand.AMEX.apiName()).isEqualTo("amex");
        assertThat(CardBrand.UNIONPAY.apiName()).isEqualTo("unionpay");
    }

    @Test
    void showsOnlyTheFirstSixAndLastFour() {
        CardNumber number = CardNumber.parse("4242 4242 4242 4242");

        assertThat(number.bin()).isEqualTo("424242");
        assertThat(number.last4()).isEqualTo("4242");
        assertThat(number.masked()).isEqualTo("424242******4242");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACT_TEST_CARDS")
    void toStringNeverContainsTheFullNumber(String digits) {
        CardNumber number = CardNumber.parse(digits);

        assertThat(number.toString()).doesNotContain(digits)
                .isEqualTo(number.masked())
                .startsWith(digits.substring(0, 6))
                .endsWith(digits.substring(digits.length() - 4));
        assertThat(number.toString().replaceAll("[^0-9]", "")).hasSize(10);
    }

    @Test
    void aCardPrintsMaskedAndWithoutItsCvc() {
        Card card = new Card(CardNumber.parse("378282246310005"), new ExpiryDate(12, 2030),
                CardVerificationCode.parse("1234", CardBrand.AMEX), "A B");

        assertThat(card.brand()).isEqualTo(CardBrand.AMEX);
        assertThat(card.toString()).isEqualTo("Card[378282*****0005, 12/2030]").doesNotContain("1234");
    }
}
