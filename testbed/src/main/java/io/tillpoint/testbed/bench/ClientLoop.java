package io.tillpoint.testbed.bench;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** One simulated merchant client: posts card payments back to back until the deadline, timing each one. */
final class ClientLoop implements Runnable {

    private static final Pattern CAPTURED = Pattern.compile("\"status\"\\s*:\\s*\"captured\"");

    private final KeepAliveConnection connection;
    private final String merchantToken;
    private final String runId;
    private final AtomicLong sequence;
    private final ErrorLog errors;
    private final long measureFrom;
    private final long endAt;

    final LongList latencies = new LongList();
    long measuredRequests;
    long measuredSuccesses;
    long measuredErrors;
    long warmupRequests;
    long warmupErrors;
    long lastFinish;

    ClientLoop(KeepAliveConnection connection, String merchantToken, String runId, AtomicLong sequence, ErrorLog errors,
            long measureFrom, long endAt) {
        this.connection = connection;
        this.merchantToken = merchantToken;
        this.runId = runId;
        this.sequence = sequence;
        this.errors = errors;
        this.measureFrom = measureFrom;
        this.endAt = endAt;
    }

    @Override
    public void run() {
        try {
            postUntilDeadline();
        } finally {
            connection.close();
        }
    }

    private void postUntilDeadline() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!Thread.currentThread().isInterrupted()) {
            long n = sequence.incrementAndGet();
            String body = "{\"amount\":" + random.nextLong(100, 100_001) + ",\"currency\":\"USD\",\"capture\":\"automatic\","
                    + "\"reference\":\"bench-" + n + "\",\"payment_method\":{\"type\":\"card\",\"card\":"
                    + "{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}}";
            String key = "bench-" + runId + "-" + n;
            long start = System.nanoTime();
            if (start - endAt >= 0) {
                return;
            }
            boolean measured = start - measureFrom >= 0;
            String errorKind = null;
            String errorDetail = null;
            try {
                KeepAliveConnection.Answer response = connection.postJson("/api/v1/payments", body,
                        "Authorization: Bearer " + merchantToken, "Idempotency-Key: " + key);
                String answer = response.body();
                if (response.status() != 201 || answer == null || !CAPTURED.matcher(answer).find()) {
                    errorKind = describe(response.status(), answer);
                    errorDetail = Redact.body(answer);
                }
            } catch (Exception e) {
                errorKind = e.getClass().getSimpleName();
                errorDetail = Redact.exception(e);
            }
            long end = System.nanoTime();
            if (measured) {
                latencies.add(end - start);
                measuredRequests++;
                lastFinish = end;
                if (errorKind == null) {
                    measuredSuccesses++;
                } else {
                    measuredErrors++;
                }
            } else {
                warmupRequests++;
                if (errorKind != null) {
                    warmupErrors++;
                }
            }
            if (errorKind != null) {
                errors.record(errorKind + (measured ? "" : " (warm-up)"), errorDetail);
            }
        }
    }

    /** A short classifier for a non-success answer: HTTP status plus the problem code or payment status. */
    private static String describe(int status, String body) {
        StringBuilder kind = new StringBuilder("HTTP ").append(status);
        String code = Json.stringField(body, "code");
        String paymentStatus = Json.stringField(body, "status");
        String decline = Json.stringField(body, "decline_code");
        if (code != null) {
            kind.append(" code=").append(code);
        }
        if (paymentStatus != null) {
            kind.append(" status=").append(paymentStatus);
        }
        if (decline != null) {
            kind.append(" decline_code=").append(decline);
        }
        return kind.toString();
    }
}
