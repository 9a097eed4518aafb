package io.tillpoint.application;

import io.tillpoint.domain.model.card.PanMasking;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Waiting for an acquirer's answer within a time limit: the answer, or empty (no answer in time, a failed call). */
final class AcquirerAnswers {

    private static final Logger LOG = Logger.getLogger(AcquirerAnswers.class.getName());

    private AcquirerAnswers() {
    }

    static <T> Optional<T> await(String what, Supplier<CompletionStage<T>> call, long timeoutMs) {
        CompletableFuture<T> answer;
        try {
            answer = call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            LOG.warning(() -> what + ": the call failed (" + e.getClass().getSimpleName() + ": "
                    + PanMasking.scrub(e.getMessage()) + ")");
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(answer.get(timeoutMs, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.warning(() -> what + ": no answer within " + timeoutMs + " ms");
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warning(() -> what + ": the call failed (" + e.getCause().getClass().getSimpleName() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
