package io.tillpoint.domain.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's lock-out, as the contract says it: ten wrong secrets for one client id
 * within five minutes, then 429 for five minutes, with the seconds left.
 */
class LockoutPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private final LockoutPolicy policy = LockoutPolicy.of(LockoutPolicy.CONTRACT_WINDOW);

    /** {@code n} failures one second apart from {@code start}; the tally after the last. */
    private FailureTally fail(FailureTally before, int n, Instant start) {
        FailureTally tally = before;
        for (int i = 0; i < n; i++) {
            tally = policy.afterFailure(tally, start.plusSeconds(i));
        }
        return tally;
    }

    @Test
    void theContractAllowsTenFailuresWithinFiveMinutes() {
        assertThat(policy.maxFailures()).isEqualTo(10);
        assertThat(policy.window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void nineFailuresAreNineWrongSecretsAndNoLockOut() {
        FailureTally nine = fail(null, 9, T0);

        assertThat(nine.failures()).isEqualTo(9);
        assertThat(nine.lockedUntil()).isNull();
        assertThat(policy.verdictAfterFailure(nine, T0.plusSeconds(8))).isEqualTo(AttemptVerdict.WRONG_SECRET);
    }

    @Test
    void theTenthFailureIsStillA401ButLocksTheIdOutForTheWindow() {
        FailureTally ten = fail(null, 10, T0);
        Instant tenth = T0.plusSeconds(9);

        assertThat(ten.lockedUntil()).isEqualTo(tenth.plus(Duration.ofMinutes(5)));
        assertThat(policy.verdictAfterFailure(ten, tenth)).isEqualTo(AttemptVerdict.WRONG_SECRET);
    }

    @Test
    void theEleventhIs429WithTheSecondsLeftAndDoesNotExtendTheLockOut() {
        FailureTally ten = fail(null, 10, T0);
        Instant eleventh = T0.plusSeconds(9 + 60);
        FailureTally eleven = policy.afterFailure(ten, eleventh);

        AttemptVerdict verdict = policy.verdictAfterFailure(eleven, eleventh);

        assertThat(verdict.locked()).isTrue();
        assertThat(verdict.retryAfter().seconds()).isEqualTo(240);
        assertThat(eleven.lockedUntil()).isEqualTo(ten.lockedUntil());
        assertThat(eleven.failures()).isEqualTo(11);
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowNeverLockOut() {
        FailureTally tally = null;
        for (int i = 0; i < 30; i++) {
            tally = policy.afterFailure(tally, T0.plus(Duration.ofSeconds(40L * i)));
            assertThat(tally.lockedUntil()).as("failure %d", i + 1).isNull();
        }
    }

    @Test
    void theWindowStartsAgainOnceItIsOver() {
        FailureTally nine = fail(null, 9, T0);

        FailureTally later = policy.afterFailure(nine, T0.plus(Duration.ofMinutes(5)));

        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.windowStartedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void afterTheLockOutCountingStartsAgainFromOne() {
        FailureTally ten = fail(null, 10, T0);
        Instant over = ten.lockedUntil();

        FailureTally next = policy.afterFailure(ten, over);

        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.lockedUntil()).isNull();
        assertThat(policy.verdictAfterFailure(next, over)).isEqualTo(AttemptVerdict.WRONG_SECRET);
    }

    @Test
    void retryAfterRoundsUpAndIsAtLeastOneSecond() {
        assertThat(RetryAfter.between(T0, T0.plusMillis(1)).seconds()).isEqualTo(1);
        assertThat(RetryAfter.between(T0, T0.plusMillis(1001)).seconds()).isEqualTo(2);
        assertThat(RetryAfter.between(T0, T0.plusSeconds(300)).seconds()).isEqualTo(300);
        assertThat(RetryAfter.between(T0, T0.minusSeconds(3)).seconds()).isEqualTo(1);
        assertThat(RetryAfter.ofMillis(299_001).seconds()).isEqualTo(300);
    }

    @Test
    void aPolicyNeedsAPositiveWindowAndCount() {
        assertThatThrownBy(() -> LockoutPolicy.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyALockOutSaysWhenToRetry() {
        assertThatThrownBy(() -> new AttemptVerdict(AttemptVerdict.Kind.LOCKED, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptVerdict(AttemptVerdict.Kind.WRONG_SECRET, new RetryAfter(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
