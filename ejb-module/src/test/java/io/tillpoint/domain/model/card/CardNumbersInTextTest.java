package io.tillpoint.domain.model.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.card.CardNumbersInText.Found;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract: "A card number (a Luhn-valid run of 12-19 digits, spaces or dashes between them
 * allowed) in reference, description, metadata or customer.id is a 400 card_number_in_text".
 */
class CardNumbersInTextTest {

    static final String[] CONTRACT_TEST_CARDS = TestCards.CONTRACT_TEST_CARDS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACT_TEST_CARDS")
    void everyTestCardIsFoundInsideText(String pan) {
        String text = "order for card " + pan + ", thanks";

        assertThat(CardNumbersInText.contains(text)).isTrue();
        assertThat(CardNumbersInText.find(text)).containsExactly(new Found(15, 15 + pan.length()));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
        "4242 4242 4242 4242", "4242-4242-4242-4242", "4242 - 4242 - 4242 - 4242", "4242--4242--4242--4242",
        "3782 822463 10005", "4 2 4 2 4 2 4 2 4 2 4 2 4 2 4 2",
    })
    void spacesAndDashesBetweenDigitsCount(String text) {
        assertThat(CardNumbersInText.find(text)).containsExactly(new Found(0, text.length()));
    }

    @Test
    void twelveAndNineteenDigitsAreCardNumbersElevenAndTwentyAreNot() {
        String twelve = TestCards.withCheckDigit("42424242424");
        String nineteen = TestCards.withCheckDigit("424242424242424242");
        String eleven = TestCards.withCheckDigit("4242424242");
        String twenty = TestCards.withCheckDigit("4242424242424242424");

        assertThat(CardNumbersInText.contains("ref " + twelve)).isTrue();
        assertThat(CardNumbersInText.contains("ref " + nineteen)).isTrue();
        assertThat(CardNumbersInText.contains("ref " + eleven)).isFalse();
        assertThat(CardNumbersInText.contains("ref " + twenty)).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' passes")
    @ValueSource(strings = {
        "4242424242424241", "4111 1111 1111 1112", "5555-5555-5555-4445", "order 12345678901", "amount 1999 USD", "2026-11-25T10:00:00Z",
        "epoch millis 1732529000000 at start", "pay_01JDZ8K3Q2W9", "4242.4242.4242.4242", "4242    4242    4242    4242",
    })
    @NullAndEmptySource
    void luhnInvalidRunsShortRunsAndOtherSeparatorsPass(String text) {
        assertThat(CardNumbersInText.contains(text)).isFalse();
        assertThat(CardNumbersInText.mask(text)).isSameAs(text);
    }

    /**
     * A run of more than 19 digits without a break is a long number (an order or account number, a
     * timestamp), and no part of it is a card number: one 16-digit window in ten passes Luhn by
     * chance, so otherwise nearly every long number would be refused. A card number set apart from
     * other digits by a space or a dash is still found.
     */
    @Test
    void aValidCardNumberInsideALongerUnbrokenRunIsALongNumberButNotWhenSetApart() {
        assertThat(CardNumbersInText.contains("order 0042424242424242424200")).isFalse();
        // Up to 19 digits without a break are one number, judged as a whole.
        assertThat(CardNumbersInText.contains("order 14242424242424242")).isFalse();

        assertThat(CardNumbersInText.find("order 11 4242424242424242 11")).containsExactly(new Found(9, 25));
        assertThat(CardNumbersInText.find("card 4242 4242 4242 4242 123")).containsExactly(new Found(5, 24));
        assertThat(CardNumbersInText.find("qty 2 4242424242424242")).containsExactly(new Found(6, 22));
        assertThat(CardNumbersInText.find("12/30 4242-4242-4242-4242")).isNotEmpty();
    }

    /** Read as digit groups, 4234-4234-8334-1234 (and 42424242-4234) would pass Luhn. */
    @Test
    void aUuidIsAnIdNeverACardNumber() {
        String uuid = "12345678-4234-4234-8334-123456789012";
        assertThat(CardNumbersInText.contains(uuid.replace('-', ' '))).as("read as digit groups").isTrue();
        assertThat(CardNumbersInText.contains(uuid)).isFalse();
        assertThat(CardNumbersInText.contains("42424242-4234-4234-8234-123456789012")).isFalse();
        assertThat(CardNumbersInText.contains("order " + uuid + " ok")).isFalse();
        assertThat(CardNumbersInText.contains(uuid + " 4242424242424242")).isTrue();
        assertThat(CardNumbersInText.contains("x" + uuid)).as("not standing apart: read as text")
                .isEqualTo(CardNumbersInText.contains("x" + uuid.replace('-', ' ')));
    }

    /** No card number starts with 0 (ISO/IEC 7812); twelve zeros pass Luhn, and zero-padded ids are common. */
    @Test
    void aSpanThatStartsWithZeroIsNoCardNumber() {
        assertThat(CardNumbersInText.contains("pay_doesnotexist000000000000")).isFalse();
        assertThat(CardNumbersInText.contains("invoice 0000 0000 0000 0000")).isFalse();
        assertThat(CardNumbersInText.contains("order 0" + TestCards.withCheckDigit("00000424242424"))).isFalse();
        assertThat(CardNumbersInText.find("00 4242424242424242")).containsExactly(new Found(3, 19));
    }

    @Test
    void severalCardNumbersAreFoundApart() {
        String text = "4242424242424242 and 5555-5555-5555-4444 and 378282246310005";

        assertThat(CardNumbersInText.find(text)).containsExactly(new Found(0, 16), new Found(21, 40), new Found(45, 60));
    }

    @Test
    void maskShowsTheFirstSixAndLastFourOfEachCardNumber() {
        assertThat(CardNumbersInText.mask("payments/4242424242424242/refunds"))
                .isEqualTo("payments/424242******4242/refunds");
        assertThat(CardNumbersInText.mask("a 4242 4242 4242 4242 b 5555-5555-5555-4444"))
                .isEqualTo("a 424242******4242 b 555555******4444");
    }

    @Test
    void longInputsAreScannedInLinearTime() {
        String digitsAndSpaces = "1 ".repeat(100_000);
        String oneLongNumber = "7".repeat(200_000);
        String almostCards = "4242 4242 4242 424 ".repeat(10_000);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> {
            long started = System.nanoTime();
            CardNumbersInText.contains(digitsAndSpaces);
            CardNumbersInText.contains(oneLongNumber);
            CardNumbersInText.find(almostCards);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        })).isNull();
    }
}
