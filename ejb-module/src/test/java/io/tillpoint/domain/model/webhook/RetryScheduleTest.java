package io.tillpoint.domain.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract, "Webhooks": retried with exponential backoff for 24 hours until a 2xx. */
class RetryScheduleTest {

    private static final Instant MADE = Instant.parse("2026-11-25T10:00:00Z");
    private final RetrySchedule schedule = RetrySchedule.DEFAULT;

    @Test
    void theWaitStartsAtTenSecondsAndDoublesAfterEveryFailedAttempt() {
        assertThat(schedule.waitAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.waitAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.waitAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.waitAfter(6)).isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void theWaitNeverGrowsBeyondAnHourHoweverManyAttemptsFailed() {
        assertThat(schedule.waitAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(schedule.waitAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.waitAfter(1_000)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theNextAttemptIsTheWaitAfterTheFailedOne() {
        Instant failedAt = MADE.plusSeconds(3);

        assertThat(schedule.nextAttempt(1, MADE, failedAt)).contains(failedAt.plusSeconds(10));
    }

    @Test
    void theLastAttemptIsAtTheDeadlineAndAFailureThereIsGivenUp() {
        Instant deadline = MADE.plus(Duration.ofHours(24));
        Instant lateFailure = deadline.minusSeconds(60);

        assertThat(schedule.nextAttempt(31, MADE, lateFailure)).contains(deadline);
        assertThat(schedule.nextAttempt(32, MADE, deadline)).isEmpty();
        assertThat(schedule.nextAttempt(32, MADE, deadline.plusSeconds(5))).isEmpty();
    }

    @Test
    void aReceiverThatNeverAnswersIsTriedThirtyThreeTimesOverTwentyFourHours() {
        List<Instant> attempts = new ArrayList<>();
        Instant at = MADE;
        for (int attempt = 1; ; attempt++) {
            attempts.add(at);
            Optional<Instant> next = schedule.nextAttempt(attempt, MADE, at);
            if (next.isEmpty()) {
                break;
            }
            assertThat(next.get()).isAfter(at);
            at = next.get();
        }

        assertThat(attempts).hasSize(33);
        assertThat(attempts.get(attempts.size() - 1)).isEqualTo(MADE.plus(Duration.ofHours(24)));
        for (int i = 2; i < attempts.size(); i++) {
            Duration gap = Duration.between(attempts.get(i - 1), attempts.get(i));
            assertThat(gap).isLessThanOrEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void aScheduleThatCouldNotWaitIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
