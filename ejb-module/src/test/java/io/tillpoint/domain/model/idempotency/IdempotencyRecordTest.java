package io.tillpoint.domain.model.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.UnprocessableException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Contract, "Idempotency": same key and body replays the first response byte for byte; same key,
 * other body is 422 idempotency_key_reused; same key while the first still runs is 409
 * idempotency_in_progress.
 */
class IdempotencyRecordTest {

    private static final Instant STARTED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-25T10:00:01Z");
    private static final IdempotencyKey KEY = new IdempotencyKey("order-123-attempt-1");
    private static final RequestFingerprint FIRST = RequestFingerprint.of("r1i1.first-request");
    private static final RequestFingerprint OTHER = RequestFingerprint.of("r1i1.other-request");
    private static final byte[] RESPONSE = "{\"id\":\"pay_1\",\"status\":\"captured\",\"amount\":1999}".getBytes(UTF_8);

    private static IdempotencyRecord running() {
        return IdempotencyRecord.begin("mer_test", KEY, FIRST, STARTED);
    }

    private static IdempotencyRecord completed() {
        IdempotencyRecord record = running();
        record.complete(new StoredResponse(201, "application/json", RESPONSE.clone(), "/api/v1/payments/pay_1"),
                FINISHED);
        return record;
    }

    @Test
    void isKeptPerCallerAndKey() {
        IdempotencyRecord record = running();

        assertThat(record.id()).isEqualTo("mer_test|order-123-attempt-1").isEqualTo(IdempotencyRecord.idOf("mer_test", KEY));
        assertThat(IdempotencyRecord.idOf("mer_other", KEY)).isNotEqualTo(record.id());
        assertThat(record.completed()).isFalse();
        assertThat(record.completedAt()).isEmpty();
    }

    @Test
    void theSameRequestWhileTheFirstStillRunsIsAConflict() {
        Throwable thrown = catchThrowable(() -> running().replayFor(FIRST));

        assertThat(thrown).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) thrown).code()).isEqualTo("idempotency_in_progress");
    }

    @Test
    void anotherRequestWithTheKeyIsRefusedEvenWhileTheFirstStillRuns() {
        Throwable thrown = catchThrowable(() -> running().replayFor(OTHER));

        assertThat(thrown).isInstanceOf(UnprocessableException.class);
        assertThat(((UnprocessableException) thrown).code()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void anotherRequestWithTheKeyIsRefusedAfterTheFirstFinished() {
        Throwable thrown = catchThrowable(() -> completed().replayFor(OTHER));

        assertThat(thrown).isInstanceOf(UnprocessableException.class);
        assertThat(((UnprocessableException) thrown).code()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void theSameRequestAfterTheFirstFinishedGetsTheFirstResponseByteForByte() {
        IdempotencyRecord record = completed();

        StoredResponse replay = record.replayFor(FIRST);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.contentType()).isEqualTo("application/json");
        assertThat(replay.location()).isEqualTo("/api/v1/payments/pay_1");
        assertThat(replay.body()).containsExactly(RESPONSE);
        assertThat(record.completed()).isTrue();
        assertThat(record.completedAt()).contains(FINISHED);
    }

    @Test
    void everyReplayIsTheSame() {
        IdempotencyRecord record = completed();

        assertThat(record.replayFor(FIRST).body()).containsExactly(record.replayFor(FIRST).body());
    }

    @Test
    void anAnswerGivenBeforeTheUseCaseRanIsKeptCompletedAtOnce() {
        KeyedRequest refused = new KeyedRequest("mer_test", KEY, FIRST);
        byte[] problem = "{\"status\":400,\"code\":\"invalid_request\"}".getBytes(UTF_8);

        IdempotencyRecord record = IdempotencyRecord.answered(refused,
                new StoredResponse(400, "application/problem+json", problem, null), STARTED);

        assertThat(record.id()).isEqualTo(refused.recordId());
        assertThat(record.completed()).isTrue();
        assertThat(record.replayFor(FIRST).status()).isEqualTo(400);
        assertThat(record.replayFor(FIRST).body()).containsExactly(problem);
        assertThat(catchThrowable(() -> record.replayFor(OTHER))).isInstanceOf(UnprocessableException.class);
    }

    /**
     * Records made before issue 17 held a plain SHA-256 of the body, which the V4 migration erased:
     * such a record cannot tell another body from its own, and replays its answer to any request
     * with its key (a retry, as far as it can tell), or answers 409 while it still runs.
     */
    @Test
    void aRecordWhoseFingerprintWasErasedReplaysItsAnswerToAnyRequestWithItsKey() throws Exception {
        IdempotencyRecord record = completed();
        IdempotencyRecord running = running();
        for (IdempotencyRecord erased : java.util.List.of(record, running)) {
            java.lang.reflect.Field hash = IdempotencyRecord.class.getDeclaredField("requestHash");
            hash.setAccessible(true);
            hash.set(erased, null);
        }

        assertThat(record.replayFor(OTHER).body()).containsExactly(RESPONSE);
        assertThat(record.replayFor(FIRST).body()).containsExactly(RESPONSE);
        assertThat(catchThrowable(() -> running.replayFor(OTHER))).isInstanceOf(ConflictException.class);
    }
}
