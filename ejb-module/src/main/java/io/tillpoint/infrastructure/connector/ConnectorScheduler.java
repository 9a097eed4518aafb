package io.tillpoint.infrastructure.connector;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Timers for connectors: an answer delivered after a delay without a thread waiting for it,
 * so any number of provider calls can be in flight at once. Container-managed threads; a
 * ManagedScheduledExecutorService would capture the caller's context on every task, which in
 * Payara 6.2025.9 runs a ServiceLoader search each time, and connector code needs none.
 */
@ApplicationScoped
public class ConnectorScheduler {

    /** Delivering an answer is a few instructions: two threads serve thousands per second. */
    private static final int THREADS = 2;

    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService timer;

    /** For CDI, which calls {@link #start} once the thread factory is injected. */
    public ConnectorScheduler() {
    }

    /** On {@code timer}, outside a container. */
    public ConnectorScheduler(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    @PostConstruct
    void start() {
        timer = Executors.newScheduledThreadPool(THREADS, threads);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** Runs {@code task} every {@code periodMs} until the application stops; a failing run does not end it. */
    public void every(long periodMs, Runnable task) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(ConnectorScheduler.class.getName())
                        .warning(() -> "connector task failed: " + e);
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** A stage that never completes: an answer lost on the way. */
    public <T> CompletionStage<T> never() {
        return new CompletableFuture<>();
    }

    /** A stage that completes with {@code answer} after {@code delayMs}, or at once when it is 0 or less. */
    public <T> CompletionStage<T> after(long delayMs, T answer) {
        if (delayMs <= 0) {
            return CompletableFuture.completedFuture(answer);
        }
        CompletableFuture<T> later = new CompletableFuture<>();
        timer.schedule(() -> later.complete(answer), delayMs, TimeUnit.MILLISECONDS);
        return later;
    }
}
