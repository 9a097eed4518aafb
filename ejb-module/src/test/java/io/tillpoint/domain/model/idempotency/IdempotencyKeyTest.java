package io.tillpoint.domain.model.idempotency;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract: keys are at most 255 characters (here: visible ASCII). */
class IdempotencyKeyTest {

    @Test
    void acceptsTwoHundredFiftyFiveCharacters() {
        String key = "k".repeat(255);

        assertThat(new IdempotencyKey(key).value()).isEqualTo(key);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"a", "order-123", "3f2c9a1e-6b1d-4c7e-9b8a-0d5e2f1a7c44", "!~#$%&'*+/=?^_`{|}"})
    void acceptsVisibleAsciiKeys(String key) {
        assertThat(new IdempotencyKey(key).value()).isEqualTo(key);
    }

    @Test
    void refusesTwoHundredFiftySixCharacters() {
        assertRefused(() -> new IdempotencyKey("k".repeat(256)), "invalid_idempotency_key", "Idempotency-Key");
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"with space", " leading", "trailing ", "tab\there", "new\nline", "nul\u0000", "del\u007f",
        "caf\u00e9", "emoji\uD83D\uDE00"})
    void refusesEmptyControlCharactersSpacesAndNonAscii(String key) {
        assertRefused(() -> new IdempotencyKey(key), "invalid_idempotency_key", "Idempotency-Key");
    }
}
