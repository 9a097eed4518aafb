package io.tillpoint.domain.model.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.model.console.ConsoleRole;
import io.tillpoint.domain.model.console.SignInLockout;
import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleUserTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final SignInLockout FIVE = new SignInLockout(5, Duration.ofMinutes(15));

    private static ConsoleUser user() {
        return ConsoleUser.create("sam", "Sam", ConsoleRole.SUPPORT, "hash", NOW);
    }

    @Test
    void the_fifth_wrong_password_in_a_row_locks_for_the_lockout_time() {
        ConsoleUser u = user();
        for (int i = 1; i <= 4; i++) {
            assertThat(u.signInFailed(NOW, FIVE)).as("failure " + i).isFalse();
            assertThat(u.lockedAt(NOW)).isFalse();
        }
        assertThat(u.signInFailed(NOW, FIVE)).isTrue();
        assertThat(u.lockedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(u.lockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void a_successful_sign_in_starts_the_count_again() {
        ConsoleUser u = user();
        for (int i = 0; i < 4; i++) {
            u.signInFailed(NOW, FIVE);
        }
        u.signedIn(NOW, "10.0.0.1");
        assertThat(u.failedSignIns()).isZero();
        assertThat(u.signInFailed(NOW, FIVE)).isFalse();
        assertThat(u.lastSignInIp()).isEqualTo("10.0.0.1");
    }

    @Test
    void an_admin_unlocks() {
        ConsoleUser u = user();
        for (int i = 0; i < 5; i++) {
            u.signInFailed(NOW, FIVE);
        }
        u.unlock();
        assertThat(u.lockedAt(NOW)).isFalse();
    }

    @Test
    void user_names_are_plain_lower_case() {
        assertThat(user().role()).isEqualTo(ConsoleRole.SUPPORT);
        assertThatThrownBy(() -> ConsoleUser.create("Sam O'Neil", null, ConsoleRole.SUPPORT, "h", NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ConsoleUser.create("x", null, ConsoleRole.SUPPORT, "h", NOW))
                .isInstanceOf(InvalidInputException.class);
    }
}
