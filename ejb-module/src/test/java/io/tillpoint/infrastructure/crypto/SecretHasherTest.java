package io.tillpoint.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Console passwords are kept only as salted PBKDF2-HMAC-SHA256 hashes at OWASP's current count
 * (600,000 iterations); hashes of an earlier count keep verifying. Each hash is slow on purpose,
 * so this class hashes three times and verifies a handful of times.
 */
class SecretHasherTest {

    private static final String SECRET = "correct horse battery staple";
    private static String stored;
    private static String storedAgain;
    private static String storedAt210k;

    @BeforeAll
    static void hash() {
        stored = SecretHasher.hash(SECRET);
        storedAgain = SecretHasher.hash(SECRET);
        storedAt210k = SecretHasher.hash(SECRET, 210_000);
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
    void newHashesUseOwaspsCountAndNameItWithTheAlgorithm() {
        assertThat(SecretHasher.ITERATIONS).isEqualTo(600_000);
        assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain(SECRET);
        assertThat(stored.split("\\$")).hasSize(4);
    }

    @Test
    void aHashOfAnEarlierCountStillVerifiesAndAsksToBeRehashed() {
        assertThat(storedAt210k).startsWith("pbkdf2-sha256$210000$");
        assertThat(SecretHasher.matches(SECRET, storedAt210k)).isTrue();
        assertThat(SecretHasher.needsRehash(storedAt210k)).isTrue();
        assertThat(SecretHasher.needsRehash(stored)).isFalse();
        assertThat(SecretHasher.needsRehash("hmac-sha256$v1$abc")).isTrue();
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
