package io.tillpoint.infrastructure.connector;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads provider calls run on, so that a caller can wait with a time limit. Container
 * managed threads, pooled: a ManagedExecutorService captures the caller's context on every
 * task, which in Payara 6.2025.9 runs a ServiceLoader search each time (6% of the CPU of a
 * payment); connector code needs no container context.
 */
@ApplicationScoped
public class ConnectorExecutor {

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService pool;

    @PostConstruct
    void start() {
        pool = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public <T> Future<T> submit(Callable<T> call) {
        return pool.submit(call);
    }

    public void execute(Runnable task) {
        pool.execute(task);
    }
}
