package io.tillpoint.domain.model.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one masking rule for logs, console and API: first 6 and last 4 digits of a PAN, secrets barely. */
class PanMaskingTest {

    static final String[] CONTRACT_TEST_CARDS = TestCards.CONTRACT_TEST_CARDS;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "4242424242424242, 424242******4242",
        "4242 4242 4242 4242, 424242******4242",
        "4242-4242-4242-4242, 424242******4242",
        "378282246310005, 378282*****0005",
        "36227206271667, 362272****1667",
        "4242424242424242424, 424242*********2424",
    })
    void showsTheFirstSixAndLastFourDigits(String pan, String masked) {
        assertThat(PanMasking.mask(pan)).isEqualTo(masked);
    }

    @Test
    void aShortNumberIsMaskedEntirely() {
        assertThat(PanMasking.mask("1234567890")).isEqualTo("**********");
        assertThat(PanMasking.mask("")).isEmpty();
        assertThat(PanMasking.mask(null)).isNull();
    }

    @Test
    void aSecretShowsOnlyItsFirstFourCharacters() {
        String masked = PanMasking.maskSecret("whsec_s3cr3tV4lu3xyz");

        assertThat(masked).isEqualTo("whse…********").doesNotContain("s3cr3t");
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", "short", "12345678"})
    void aShortOrMissingSecretIsMaskedEntirely(String secret) {
        assertThat(PanMasking.maskSecret(secret)).isEqualTo("********");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACT_TEST_CARDS")
    void scrubMasksEveryTestCardInsideText(String pan) {
        String scrubbed = PanMasking.scrub("charge failed for card " + pan + ", retrying");

        assertThat(scrubbed).doesNotContain(pan)
                .isEqualTo("charge failed for card " + PanMasking.mask(pan) + ", retrying");
    }

    @Test
    void scrubMasksGroupedNumbersAndSeveralNumbersInOneText() {
        String scrubbed = PanMasking.scrub("first 4242 4242 4242 4242 then 5555-5555-5555-4444 done");

        assertThat(scrubbed).isEqualTo("first 424242******4242 then 555555******4444 done");
    }

    @Test
    void scrubMasksANumberInJson() {
        assertThat(PanMasking.scrub("{\"number\":\"4242424242424242\",\"cvc\":\"123\"}"))
                .isEqualTo("{\"number\":\"424242******4242\",\"cvc\":\"123\"}");
    }

    @ParameterizedTest(name = "''{0}'' is kept")
    @ValueSource(strings = {
        "epoch millis 1732529000000 at start",
        "stamp 20261125100000",
        "order 12345678901 (11 digits)",
        "amount 1999 USD",
        "4242424242424241",
    })
    void scrubKeepsNumbersThatAreNotCardNumbers(String text) {
        assertThat(PanMasking.scrub(text)).isEqualTo(text);
    }

    @Test
    void scrubOfNothingIsNothing() {
        assertThat(PanMasking.scrub(null)).isNull();
        assertThat(PanMasking.scrub("")).isEmpty();
    }

    /**
     * A PAN next to another group of digits (the CVC or expiry typed after it, a quantity before
     * it) is swallowed into one longer digit run that fails Luhn, so the PAN is left in clear.
     */
    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
        "card 4242424242424242 123",
        "card 4242 4242 4242 4242 12/30",
        "qty 2 4242424242424242",
        "pan=4242-4242-4242-4242-123",
    })
    void scrubMasksAPanEvenWhenOtherDigitsFollowOrPrecedeIt(String text) {
        assertThat(PanMasking.scrub(text).replaceAll("[ -]", "")).doesNotContain("4242424242424242");
    }
}
