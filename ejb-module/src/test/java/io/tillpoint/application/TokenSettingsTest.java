package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tokens live at most 15 minutes: a longer configured lifetime fails the start. */
class TokenSettingsTest {

    @Test
    void fifteenMinutesIsTheDefaultAndTheLongest() {
        assertThatCode(() -> new TokenSettings("tillpoint", "tillpoint-api", 900, 300_000).check()).doesNotThrowAnyException();
        assertThat(TokenSettings.LONGEST_TTL_SECONDS).isEqualTo(900);
    }

    @Test
    void aLongerLifetimeIsRefusedWithTheSettingToFix() {
        assertThatThrownBy(() -> new TokenSettings("tillpoint", "tillpoint-api", 901, 300_000).check())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TILLPOINT_TOKEN_TTL_SECONDS").hasMessageContaining("901");
        assertThatThrownBy(() -> new TokenSettings("tillpoint", "tillpoint-api", 0, 300_000).check())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLockOutWindowComesFromTheSettingAndMustBePositive() {
        assertThat(new TokenSettings("tillpoint", "a", 900, 4000).lockoutPolicy().window()).isEqualTo(Duration.ofSeconds(4));
        assertThatThrownBy(() -> new TokenSettings("tillpoint", "a", 900, 0).check()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyAudienceIsRefused() {
        assertThatThrownBy(() -> new TokenSettings("tillpoint", " ", 900, 300_000).check())
                .isInstanceOf(IllegalStateException.class);
    }
}
