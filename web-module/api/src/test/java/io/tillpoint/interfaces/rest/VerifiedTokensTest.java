package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A verified token is trusted until it expires, for five minutes at most, and never when it failed. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final CredentialValidationResult VALID = new CredentialValidationResult(new CallerPrincipal("cli_1"));

    private final VerifiedTokens tokens = new VerifiedTokens(3);

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        tokens.put("token-a", VALID, NOW.plusSeconds(60), NOW);

        assertThat(tokens.get("token-a", NOW.plusSeconds(59))).isSameAs(VALID);
        assertThat(tokens.get("token-a", NOW.plusSeconds(60))).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterFiveMinutes() {
        tokens.put("token-a", VALID, NOW.plus(Duration.ofHours(1)), NOW);

        assertThat(tokens.get("token-a", NOW.plus(VerifiedTokens.LONGEST).minusMillis(1))).isSameAs(VALID);
        assertThat(tokens.get("token-a", NOW.plus(VerifiedTokens.LONGEST))).isNull();
    }

    @Test
    void anotherStringIsAnotherToken() {
        tokens.put("token-a", VALID, NOW.plusSeconds(60), NOW);

        assertThat(tokens.get("token-a ", NOW)).isNull();
        assertThat(tokens.get("token-b", NOW)).isNull();
    }

    @Test
    void anExpiredTokenIsNotKept() {
        tokens.put("token-a", VALID, NOW, NOW);
        tokens.put("token-b", VALID, NOW.minusSeconds(1), NOW);

        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyASuccessfulVerificationIsKept() {
        assertThatThrownBy(() -> tokens.put("token-a", CredentialValidationResult.INVALID_RESULT, NOW.plusSeconds(60), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.put("token-a", CredentialValidationResult.NOT_VALIDATED_RESULT,
                NOW.plusSeconds(60), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tokens.get("token-a", NOW)).isNull();
    }

    @Test
    void whenFullTheExpiredGoFirst() {
        tokens.put("short", VALID, NOW.plusSeconds(10), NOW);
        tokens.put("long-1", VALID, NOW.plusSeconds(100), NOW);
        tokens.put("long-2", VALID, NOW.plusSeconds(100), NOW);

        tokens.put("new", VALID, NOW.plusSeconds(100), NOW.plusSeconds(20));

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get("long-1", NOW.plusSeconds(20))).isSameAs(VALID);
        assertThat(tokens.get("new", NOW.plusSeconds(20))).isSameAs(VALID);
    }

    @Test
    void whenFullOfLiveTokensItStartsOverRatherThanGrow() {
        tokens.put("a", VALID, NOW.plusSeconds(100), NOW);
        tokens.put("b", VALID, NOW.plusSeconds(100), NOW);
        tokens.put("c", VALID, NOW.plusSeconds(100), NOW);

        tokens.put("d", VALID, NOW.plusSeconds(100), NOW);

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.get("d", NOW)).isSameAs(VALID);
        assertThat(tokens.get("a", NOW)).isNull();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new VerifiedTokens(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
