package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A few requests work at once; one that waits for a provider gives its turn away meanwhile. */
class WorkAdmissionTest {

    private final ExecutorService others = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        others.shutdownNow();
    }

    @Test
    void admitsAsManyRequestsAsConfiguredAndTheNextOneWhenATurnIsGivenBack() throws Exception {
        WorkAdmission admission = admissionOf(2);

        assertThat(admission.enter(0)).isTrue();
        assertThat(enterElsewhere(admission, 0)).isTrue();
        assertThat(enterElsewhere(admission, 50)).as("a third request finds no turn").isFalse();

        admission.leave();

        assertThat(enterElsewhere(admission, 0)).isTrue();
    }

    @Test
    void byDefaultFourPerCoreWorkAtOnce() {
        assertThat(admissionOf(0).size()).isEqualTo(4 * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void leavingWithoutATurnGivesNothingBack() {
        WorkAdmission admission = admissionOf(1);

        admission.leave();

        assertThat(admission.available()).isEqualTo(1);
    }

    @Test
    void aRequestWaitingForAProviderLetsAnotherOneWorkAndTakesATurnAgainAfterwards() throws Exception {
        WorkAdmission admission = admissionOf(1);
        assertThat(admission.enter(0)).isTrue();

        Boolean anotherGotIn = admission.stepAside(() -> enterElsewhereAndLeave(admission));

        assertThat(anotherGotIn).isTrue();
        assertThat(admission.available()).as("the turn is ours again").isZero();
        admission.leave();
        assertThat(admission.available()).isEqualTo(1);
    }

    @Test
    void theTurnIsTakenAgainEvenWhenTheProviderCallFails() throws Exception {
        WorkAdmission admission = admissionOf(1);
        assertThat(admission.enter(0)).isTrue();

        assertThatThrownBy(() -> admission.stepAside(() -> {
            throw new IllegalStateException("connector failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(admission.available()).isZero();
        admission.leave();
        assertThat(admission.available()).isEqualTo(1);
    }

    @Test
    void outsideAnApiRequestSteppingAsideJustRunsTheCall() {
        WorkAdmission admission = admissionOf(1);

        assertThat(admission.stepAside(() -> "answer")).isEqualTo("answer");
        assertThat(admission.available()).isEqualTo(1);
    }

    @Test
    void aNewcomerDoesNotOvertakeARequestAlreadyWaiting() throws Exception {
        WorkAdmission admission = admissionOf(1);
        assertThat(admission.enter(0)).isTrue();
        CountDownLatch newcomerTried = new CountDownLatch(1);
        Future<Boolean> waiting = others.submit(() -> {
            boolean in = admission.enter(5_000);
            newcomerTried.await(5, TimeUnit.SECONDS); // keeps its turn until the newcomer has tried
            admission.leave();
            return in;
        });
        awaitWaiting(admission, 1);

        admission.leave();
        boolean newcomerIn = admission.enter(0);
        newcomerTried.countDown();

        assertThat(newcomerIn).as("the turn goes to the request that was waiting").isFalse();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitWaiting(WorkAdmission admission, int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (admission.waiting() < requests && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(admission.waiting()).as("requests waiting for a turn").isEqualTo(requests);
    }

    private static WorkAdmission admissionOf(int size) {
        return new WorkAdmission(size);
    }

    /** Enters on another thread (a turn is held per thread) and keeps the turn. */
    private boolean enterElsewhere(WorkAdmission admission, long waitMs) throws Exception {
        return others.submit(() -> admission.enter(waitMs)).get(5, TimeUnit.SECONDS);
    }

    private Boolean enterElsewhereAndLeave(WorkAdmission admission) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                boolean in = admission.enter(1_000);
                admission.leave();
                return in;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, others).join();
    }
}
