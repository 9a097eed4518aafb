package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How a payment waits for the acquirer: on its own thread, within the time limit, giving its
 * turn away only when there is something to wait for. No answer is UNKNOWN, never a guess.
 */
class AcquirerWaitTest {

    private static final AuthorizationResult APPROVED = new AuthorizationResult.Approved("123456", "sbx_ref", "US");

    private final CountingAdmission admission = new CountingAdmission();
    private final PaymentService service = new PaymentService();

    AcquirerWaitTest() {
        service.admission = admission;
        service.acquirerTimeoutMs = 5_000;
    }

    @Test
    void anAnswerThatIsThereAtOnceIsTakenWithoutGivingTheTurnAway() throws Exception {
        assertThat(admission.enter(0)).isTrue();

        AuthorizationResult result = service.askAcquirer("pay_1", () -> CompletableFuture.completedFuture(APPROVED));

        assertThat(result).isEqualTo(APPROVED);
        assertThat(admission.stepsAside.get()).isZero();
        assertThat(admission.available()).as("the turn is still ours").isZero();
        admission.leave();
    }

    @Test
    void anAnswerStillToComeIsAwaitedWithoutTheTurn() throws Exception {
        assertThat(admission.enter(0)).isTrue();
        CompletableFuture<AuthorizationResult> answer = new CompletableFuture<>();
        AtomicInteger turnsFreeWhileWaiting = new AtomicInteger(-1);
        Thread acquirer = new Thread(() -> {
            awaitWaiter(admission);
            turnsFreeWhileWaiting.set(admission.available());
            answer.complete(APPROVED);
        });
        acquirer.start();

        AuthorizationResult result = service.askAcquirer("pay_2", () -> answer);

        acquirer.join();
        assertThat(result).isEqualTo(APPROVED);
        assertThat(turnsFreeWhileWaiting.get()).as("turns free while the payment waited").isEqualTo(1);
        assertThat(admission.available()).as("the turn is ours again").isZero();
        admission.leave();
    }

    @Test
    void noAnswerWithinTheTimeLimitIsUnknownAndTheAnswerThatComesLateIsRecorded() {
        service.acquirerTimeoutMs = 50;
        List<String> recorded = new ArrayList<>();
        service.lateAnswers = Runnable::run;
        service.recoveryTransactions = new RecoveryTransactions() {
            @Override
            public void recordLateAnswer(String paymentId, AuthorizationResult late) {
                recorded.add(paymentId + " " + late);
            }
        };
        CompletableFuture<AuthorizationResult> late = new CompletableFuture<>();

        AuthorizationResult result = service.askAcquirer("pay_3", () -> late);

        assertThat(result).isEqualTo(new AuthorizationResult.Unknown("timeout"));
        assertThat(recorded).as("nothing has come yet").isEmpty();
        late.complete(APPROVED);
        assertThat(recorded).containsExactly("pay_3 " + APPROVED);
    }

    @Test
    void aConnectorThatFailsGivesUnknown() {
        Supplier<CompletionStage<AuthorizationResult>> throwing = () -> {
            throw new IllegalStateException("socket closed for 4242424242424242");
        };

        assertThat(service.askAcquirer("pay_4", throwing)).isEqualTo(new AuthorizationResult.Unknown("connector error"));
        assertThat(service.askAcquirer("pay_5", () -> CompletableFuture.failedFuture(new IllegalStateException("reset"))))
                .isEqualTo(new AuthorizationResult.Unknown("connector error"));
        assertThat(service.askAcquirer("pay_6", () -> CompletableFuture.completedFuture(null)))
                .isEqualTo(new AuthorizationResult.Unknown("connector error"));
    }

    /** Waits until the payment has stepped aside (its turn is free again). */
    private static void awaitWaiter(CountingAdmission admission) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (admission.stepsAside.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** One turn, counting how often a request steps aside. */
    private static final class CountingAdmission extends WorkAdmission {
        final AtomicInteger stepsAside = new AtomicInteger();

        CountingAdmission() {
            super(1);
        }

        @Override
        public <T> T stepAside(Supplier<T> waiting) {
            return super.stepAside(() -> {
                stepsAside.incrementAndGet();
                return waiting.get();
            });
        }
    }
}
