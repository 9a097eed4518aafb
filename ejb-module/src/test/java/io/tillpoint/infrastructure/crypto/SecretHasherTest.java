package io.tillpoint.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client secrets and console passwords are kept only as salted PBKDF2 hashes. Each hash costs
 * 210,000 iterations, so this class hashes twice and verifies a handful of times.
 */
class SecretHasherTest {

    private static final String SECRET = "sk_test_3kT9vQ2mX8pL5nR7";
    private static String stored;
    private static String storedAgain;

    @BeforeAll
    static void hashTheSameSecretTwice() {
        stored = SecretHasher.hash(SECRET);
        storedAgain = SecretHasher.hash(SECRET);
    }

    @Test
    void theSecretMatchesItsHash() {
        assertThat(SecretHasher.matches(SECRET, stored)).isTrue();
    }

    @Test
    void anotherSecretDoesNot() {
        assertThat(SecretHasher.matches(SECRET + "x", stored)).isFalse();
    }

    @Test
    void twoHashesOfTheSameSecretDifferButBothMatch() {
        assertThat(storedAgain).isNotEqualTo(stored);
        assertThat(SecretHasher.matches(SECRET, storedAgain)).isTrue();
    }

    @Test
    void theStoredFormNamesAlgorithmAndIterationsAndNeverHoldsTheSecret() {
        assertThat(stored).startsWith("pbkdf2-sha256$210000$").doesNotContain(SECRET);
        assertThat(stored.split("\\$")).hasSize(4);
    }

    @Test
    void nothingMatchesNoSecret() {
        assertThat(SecretHasher.matches(null, stored)).isFalse();
        assertThat(SecretHasher.matches(SECRET, null)).isFalse();
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "pbkdf2-sha256$210000$c2FsdA", "bcrypt$10$c2FsdA$aGFzaA",
        "pbkdf2-sha256$210000$c2FsdA$aGFzaA$extra", "$$$"})
    void aMalformedStoredValueMatchesNothing(String malformed) {
        assertThat(SecretHasher.matches(SECRET, malformed)).isFalse();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"pbkdf2-sha256$abc$c2FsdA$aGFzaA", "pbkdf2-sha256$210000$!!!$aGFzaA",
        "pbkdf2-sha256$210000$c2FsdA$%%%", "pbkdf2-sha256$0$c2FsdA$aGFzaA", "pbkdf2-sha256$-1$c2FsdA$aGFzaA"})
    void aStoredValueWithABrokenPartMatchesNothingInsteadOfThrowing(String malformed) {
        assertThat(SecretHasher.matches(SECRET, malformed)).isFalse();
    }
}
