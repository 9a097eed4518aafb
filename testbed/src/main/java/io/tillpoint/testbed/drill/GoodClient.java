package io.tillpoint.testbed.drill;

import io.tillpoint.testbed.bench.Json;
import io.tillpoint.testbed.bench.KeepAliveConnection;
import io.tillpoint.testbed.bench.Redact;
import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One merchant client that behaves as the contract asks good clients to: every payment has its own
 * Idempotency-Key, and a connection error, a 5xx (503 included), a 429, a 409
 * {@code idempotency_in_progress} or a 4xx that is not the API's (a starting server's 404 page) is
 * retried with the same key and body after a growing pause. A
 * 2xx that says {@code processing} is followed by reading the payment until it is final. While the
 * load lasts, a key waiting for its next try does not hold the client up: it starts new payments
 * meanwhile, unless the gateway itself failed (no connection, a 5xx, a 429): then the whole client
 * pauses, as a real one backs off from a gateway that is down rather than firing new orders at it.
 * After the load it only brings its unfinished keys to an end, until the settle deadline.
 */
final class GoodClient implements Runnable {

    private static final long FIRST_PAUSE_MS = 250;
    private static final long LONGEST_PAUSE_MS = 3000;

    private final KeepAliveConnection connection;
    private final MerchantToken token;
    private final CardMix cards;
    private final String runId;
    private final AtomicLong sequence;
    private final long loadEndsAt;
    private final long settleEndsAt;
    private final int expYear = Year.now().getValue() + 3;

    /** every key this client started (synchronized: read by the main thread, also if this one is abandoned) */
    final List<KeyedPayment> keys = Collections.synchronizedList(new ArrayList<>());
    /** every answer that was not a 2xx, by kind ("HTTP 503 overloaded", "ConnectException"), for the report */
    final Map<String, Integer> problems = new ConcurrentHashMap<>();
    private final List<KeyedPayment> unfinished = new ArrayList<>();
    /** failures of the gateway itself in a row (connection errors, 5xx, 429), and the pause they call for */
    private int failuresInARow;
    private long pausedUntil;

    GoodClient(KeepAliveConnection connection, MerchantToken token, CardMix cards, String runId, AtomicLong sequence,
            long loadEndsAt, long settleEndsAt) {
        this.connection = connection;
        this.token = token;
        this.cards = cards;
        this.runId = runId;
        this.sequence = sequence;
        this.loadEndsAt = loadEndsAt;
        this.settleEndsAt = settleEndsAt;
    }

    @Override
    public void run() {
        try {
            work();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
        }
    }

    private void work() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            if (now - settleEndsAt >= 0) {
                return;
            }
            if (now - pausedUntil < 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(pausedUntil - now, settleEndsAt - now));
                continue;
            }
            KeyedPayment due = firstDue(now);
            if (due != null) {
                attempt(due);
            } else if (now - loadEndsAt < 0) {
                KeyedPayment fresh = newPayment();
                keys.add(fresh);
                unfinished.add(fresh);
                attempt(fresh);
            } else if (unfinished.isEmpty()) {
                return;
            } else {
                long wait = Math.min(earliestAttempt() - now, settleEndsAt - now);
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            unfinished.removeIf(KeyedPayment::done);
        }
    }

    private KeyedPayment firstDue(long now) {
        for (KeyedPayment k : unfinished) {
            if (!k.done() && now - k.nextAttemptAt >= 0) {
                return k;
            }
        }
        return null;
    }

    private long earliestAttempt() {
        long earliest = Long.MAX_VALUE;
        boolean any = false;
        for (KeyedPayment k : unfinished) {
            if (!any || k.nextAttemptAt - earliest < 0) {
                earliest = k.nextAttemptAt;
                any = true;
            }
        }
        return earliest;
    }

    private KeyedPayment newPayment() {
        long n = sequence.incrementAndGet();
        String key = "drill-" + runId + "-" + n;
        String card = cards.next();
        long amount = ThreadLocalRandom.current().nextLong(100, 100_001);
        String body = "{\"amount\":" + amount + ",\"currency\":\"USD\",\"capture\":\"automatic\","
                + "\"reference\":" + Json.quote(key) + ",\"payment_method\":{\"type\":\"card\",\"card\":"
                + "{\"number\":\"" + card + "\",\"exp_month\":12,\"exp_year\":" + expYear + ",\"cvc\":\"123\"}}}";
        return new KeyedPayment(key, body, card.substring(card.length() - 4), amount);
    }

    private void attempt(KeyedPayment k) throws InterruptedException {
        if (k.state == KeyedPayment.State.PROCESSING) {
            read(k);
        } else {
            post(k);
        }
    }

    private void post(KeyedPayment k) throws InterruptedException {
        k.posts++;
        String bearer = token.current();
        KeepAliveConnection.Answer answer;
        try {
            answer = connection.postJson("/api/v1/payments", k.body, "Authorization: Bearer " + bearer,
                    "Idempotency-Key: " + k.key);
        } catch (IOException e) {
            k.connectionErrors++;
            k.lastProblem = e.getClass().getSimpleName();
            problems.merge(k.lastProblem, 1, Integer::sum);
            gatewayFailed();
            retryLater(k);
            return;
        }
        int status = answer.status();
        boolean fromTheApi = status < 400 || Json.stringField(answer.body(), "code") != null;
        if (status == 429 || status >= 500 || !fromTheApi) {
            gatewayFailed();
        } else {
            failuresInARow = 0;
        }
        if (status >= 200 && status < 300) {
            String id = Json.stringField(answer.body(), "id");
            String paymentStatus = Json.stringField(answer.body(), "status");
            if (answer.replayed()) {
                k.replays++;
            }
            if (id != null) {
                k.idsSeen.add(id);
            }
            if (k.firstSuccessStatus == 0) {
                k.firstSuccessStatus = status;
                k.paymentId = id;
                k.answeredStatus = paymentStatus;
            }
            settle(k, paymentStatus);
        } else if (status == 401) {
            k.lastProblem = "HTTP 401";
            problems.merge(k.lastProblem, 1, Integer::sum);
            token.renewIfStill(bearer);
            retryLater(k);
        } else if (status == 409 || status == 429 || status >= 500) {
            if (status == 409) {
                k.inProgressAnswers++;
            } else if (status >= 500) {
                k.serverErrors++;
            }
            k.lastProblem = problem(status, answer.body());
            problems.merge(k.lastProblem, 1, Integer::sum);
            retryLater(k);
        } else if (!fromTheApi) {
            // Not the API's answer (its problems always carry a code): the server answers before
            // the application is loaded, with its own 404 page. Retried, as the gateway is not up.
            k.lastProblem = problem(status, answer.body()) + " (not from the API)";
            problems.merge(k.lastProblem, 1, Integer::sum);
            retryLater(k);
        } else {
            k.lastProblem = problem(status, answer.body());
            problems.merge(k.lastProblem, 1, Integer::sum);
            k.state = KeyedPayment.State.REFUSED;
        }
    }

    /** A 2xx said processing: the payment is read until its status is final. */
    private void read(KeyedPayment k) throws InterruptedException {
        k.reads++;
        String bearer = token.current();
        KeepAliveConnection.Answer answer;
        try {
            answer = connection.get("/api/v1/payments/" + k.paymentId, "Authorization: Bearer " + bearer);
        } catch (IOException e) {
            k.connectionErrors++;
            k.lastProblem = e.getClass().getSimpleName();
            problems.merge(k.lastProblem, 1, Integer::sum);
            gatewayFailed();
            retryLater(k);
            return;
        }
        if (answer.status() >= 500) {
            gatewayFailed();
        } else {
            failuresInARow = 0;
        }
        if (answer.status() == 200) {
            settle(k, Json.stringField(answer.body(), "status"));
        } else {
            if (answer.status() == 401) {
                token.renewIfStill(bearer);
            }
            k.lastProblem = "GET " + problem(answer.status(), answer.body());
            problems.merge(k.lastProblem, 1, Integer::sum);
            retryLater(k);
        }
    }

    private void settle(KeyedPayment k, String paymentStatus) {
        if ("processing".equals(paymentStatus)) {
            k.state = KeyedPayment.State.PROCESSING;
            retryLater(k);
        } else {
            k.state = KeyedPayment.State.FINAL;
            k.finalStatus = paymentStatus;
        }
    }

    /** The key's next try after an exponential pause with jitter, from its attempts so far. */
    private static void retryLater(KeyedPayment k) {
        k.nextAttemptAt = System.nanoTime() + pauseNanos(k.attempts());
    }

    /** The gateway failed (not the request): the whole client pauses, longer with each failure in a row. */
    private void gatewayFailed() {
        failuresInARow++;
        pausedUntil = System.nanoTime() + pauseNanos(failuresInARow);
    }

    /** 250 ms, 500 ms, 1 s, 2 s, then 3 s, each between half and all of it (jitter). */
    private static long pauseNanos(int attempts) {
        int attempt = Math.min(Math.max(attempts, 1), 8);
        long pause = Math.min(FIRST_PAUSE_MS << (attempt - 1), LONGEST_PAUSE_MS);
        long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
        return TimeUnit.MILLISECONDS.toNanos(jittered);
    }

    private static String problem(int status, String body) {
        String code = Json.stringField(body, "code");
        return "HTTP " + status + (code == null ? "" : " " + Redact.body(code));
    }
}
