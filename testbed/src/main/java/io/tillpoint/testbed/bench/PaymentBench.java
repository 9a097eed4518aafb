package io.tillpoint.testbed.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the gateway's payment API: one merchant, N client threads posting
 * automatically captured card payments back to back for a fixed time, then throughput,
 * latency percentiles and errors. Stops by itself after warm-up + measured seconds.
 *
 * <p>The last line is machine-readable:
 * {@code BENCH gateway clients=16 seconds=30 tps=... p50_ms=... p95_ms=... p99_ms=... errors=...}
 * where {@code tps} counts successful payments (HTTP 201, status captured) per second.
 */
public final class PaymentBench {

    private PaymentBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = e.getMessage().isEmpty();
            if (!help) {
                System.err.println("PaymentBench: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        System.exit(run(options));
    }

    static int run(BenchOptions options) throws InterruptedException {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        GatewayClient gateway = new GatewayClient(options.baseUrl);
        System.out.printf(Locale.ROOT, "PaymentBench %s (%s): %d clients, %d s warm-up + %d s measured (run %s)%n",
                options.baseUrl, options.soap ? "SOAP" : "REST", options.clients, options.warmup, options.seconds, runId);

        String merchantToken;
        try {
            String platformToken = gateway.token("platform", options.platformSecret);
            String[] merchant = gateway.createMerchant(platformToken, "Bench merchant " + runId);
            merchantToken = gateway.token(merchant[0], merchant[1]);
            System.out.println("setup: platform token ok, merchant " + merchant[2] + " created, merchant token ok");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            System.out.println("setup failed: " + Redact.exception(e));
            return 1;
        }

        ErrorLog errors = new ErrorLog();
        AtomicLong sequence = new AtomicLong();
        long startAt = System.nanoTime();
        long measureFrom = startAt + TimeUnit.SECONDS.toNanos(options.warmup);
        long endAt = measureFrom + TimeUnit.SECONDS.toNanos(options.seconds);
        List<ClientLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.clients; i++) {
            KeepAliveConnection connection = new KeepAliveConnection(options.baseUrl,
                    (int) GatewayClient.REQUEST_TIMEOUT.toMillis());
            ClientLoop loop = new ClientLoop(connection, merchantToken, runId, sequence, errors, measureFrom, endAt,
                    options.soap);
            Thread thread = new Thread(loop, "bench-client-" + i);
            thread.setDaemon(true);
            loops.add(loop);
            threads.add(thread);
        }
        threads.forEach(Thread::start);

        // Every request is bounded by the client timeout, so all threads end shortly after endAt.
        long joinDeadline = endAt + GatewayClient.REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(10);
        int stuck = 0;
        for (Thread thread : threads) {
            long left = joinDeadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            if (thread.isAlive()) {
                thread.interrupt();
                stuck++;
            }
        }
        if (stuck > 0) {
            System.out.println("warning: " + stuck + " client threads were still busy after the deadline and were abandoned");
        }
        report(options, loops, errors, measureFrom);
        return 0;
    }

    private static void report(BenchOptions options, List<ClientLoop> loops, ErrorLog errors, long measureFrom) {
        long requests = 0;
        long successes = 0;
        long errorCount = 0;
        long warmupRequests = 0;
        long warmupErrors = 0;
        long lastFinish = measureFrom;
        List<LongList> perThread = new ArrayList<>();
        for (ClientLoop loop : loops) {
            // Read after join (happens-before). An abandoned thread, which the request timeout rules
            // out, could only make these counts slightly stale.
            requests += loop.measuredRequests;
            successes += loop.measuredSuccesses;
            errorCount += loop.measuredErrors;
            warmupRequests += loop.warmupRequests;
            warmupErrors += loop.warmupErrors;
            if (loop.measuredRequests > 0 && loop.lastFinish - lastFinish > 0) {
                lastFinish = loop.lastFinish;
            }
            perThread.add(loop.latencies);
        }
        // Measured window: from the end of warm-up until the last measured request finished (requests
        // started before the deadline are allowed to finish and count).
        double seconds = Math.max((lastFinish - measureFrom) / 1e9, requests == 0 ? options.seconds : 1e-9);
        Latencies latencies = new Latencies(perThread);
        double throughput = requests / seconds;
        double tps = successes / seconds;
        double p50 = latencies.percentileMs(50);
        double p95 = latencies.percentileMs(95);
        double p99 = latencies.percentileMs(99);
        double max = latencies.maxMs();

        System.out.println();
        System.out.printf(Locale.ROOT, "clients      %d%n", options.clients);
        System.out.printf(Locale.ROOT, "duration     %.2f s measured (after %d s warm-up: %d requests, %d errors)%n",
                seconds, options.warmup, warmupRequests, warmupErrors);
        System.out.printf(Locale.ROOT, "requests     %d (%d captured, %d errors)%n", requests, successes, errorCount);
        System.out.printf(Locale.ROOT, "throughput   %.1f req/s (captured payments: %.1f/s)%n", throughput, tps);
        System.out.printf(Locale.ROOT, "latency ms   p50 %.1f   p95 %.1f   p99 %.1f   max %.1f   (all measured requests)%n",
                p50, p95, p99, max);
        System.out.printf(Locale.ROOT, "errors       %d%n", errorCount);
        Map<String, Long> counts = errors.counts();
        if (!counts.isEmpty()) {
            System.out.println("error kinds:");
            counts.forEach((kind, n) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", n, kind));
            System.out.println("first error samples (redacted):");
            errors.samples().forEach(sample -> System.out.println("  " + sample));
        }
        System.out.printf(Locale.ROOT, (options.soap ? "BENCH soap" : "BENCH gateway") + " clients=%d seconds=%d tps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f errors=%d%n",
                options.clients, options.seconds, tps, p50, p95, p99, errorCount);
    }
}
