package io.tillpoint.testbed.drill;

import io.tillpoint.testbed.bench.GatewayClient;
import io.tillpoint.testbed.bench.KeepAliveConnection;
import io.tillpoint.testbed.bench.Redact;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients of the kill -9 drill (testbed/drill/run.sh): one merchant, N {@link GoodClient}s
 * starting card payments for {@code --seconds} while the drill kills and restarts the server, then
 * bringing every unfinished key to a final answer until {@code --settle-seconds} have passed.
 * Writes one line per key to {@code keys.tsv} and the merchant's id to {@code merchant.txt} in
 * {@code --out}, for the verdict to hold against the database. Stops by itself.
 *
 * <p>The last line is machine-readable:
 * {@code DRILL clients keys=... final=... refused=... unfinished=... with_2xx=... keys_with_two_ids=...}
 */
public final class DrillClients {

    private DrillClients() {
    }

    public static void main(String[] args) throws Exception {
        DrillOptions options;
        try {
            options = DrillOptions.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = e.getMessage().isEmpty();
            if (!help) {
                System.err.println("DrillClients: " + e.getMessage());
            }
            System.err.print(DrillOptions.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        System.exit(run(options));
    }

    static int run(DrillOptions options) throws InterruptedException, IOException {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        GatewayClient gateway = new GatewayClient(options.baseUrl);
        System.out.printf(Locale.ROOT, "DrillClients %s: %d clients, new payments for %d s, then up to %d s to settle (run %s)%n",
                options.baseUrl, options.clients, options.seconds, options.settleSeconds, runId);
        System.out.println("card mix: " + options.cards.describe());

        MerchantToken token;
        String merchantId;
        try {
            String platformToken = gateway.token("platform", options.platformSecret);
            String[] merchant = gateway.createMerchant(platformToken, "Drill merchant " + runId);
            merchantId = merchant[2];
            token = new MerchantToken(gateway, merchant[0], merchant[1], gateway.token(merchant[0], merchant[1]));
            System.out.println("setup: merchant " + merchantId + " created, merchant token ok");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            System.out.println("setup failed: " + Redact.exception(e));
            return 1;
        }
        Files.createDirectories(options.out);
        Files.writeString(options.out.resolve("merchant.txt"), merchantId + "\n", StandardCharsets.UTF_8);

        AtomicLong sequence = new AtomicLong();
        long startAt = System.nanoTime();
        long loadEndsAt = startAt + TimeUnit.SECONDS.toNanos(options.seconds);
        long settleEndsAt = loadEndsAt + TimeUnit.SECONDS.toNanos(options.settleSeconds);
        List<GoodClient> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.clients; i++) {
            GoodClient client = new GoodClient(new KeepAliveConnection(options.baseUrl, options.requestTimeoutMillis),
                    token, options.cards, runId, sequence, loadEndsAt, settleEndsAt);
            Thread thread = new Thread(client, "drill-client-" + i);
            thread.setDaemon(true);
            clients.add(client);
            threads.add(thread);
        }
        threads.forEach(Thread::start);

        // Every request is bounded by the client timeout, so all threads end shortly after the settle deadline.
        long joinDeadline = settleEndsAt + TimeUnit.MILLISECONDS.toNanos(options.requestTimeoutMillis)
                + TimeUnit.SECONDS.toNanos(10);
        int stuck = 0;
        for (Thread thread : threads) {
            long left = joinDeadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(2000);
                stuck++;
            }
        }
        if (stuck > 0) {
            System.out.println("warning: " + stuck + " client threads were still busy after the deadline and were abandoned");
        }
        List<KeyedPayment> keys = new ArrayList<>();
        for (GoodClient client : clients) {
            synchronized (client.keys) {
                keys.addAll(client.keys);
            }
        }
        Map<String, Integer> answers = new TreeMap<>();
        clients.forEach(client -> client.problems.forEach((kind, n) -> answers.merge(kind, n, Integer::sum)));
        write(options, keys);
        report(keys, answers, (System.nanoTime() - startAt) / 1e9);
        return 0;
    }

    private static void write(DrillOptions options, List<KeyedPayment> keys) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(options.out.resolve("keys.tsv"), StandardCharsets.UTF_8))) {
            out.println(KeyedPayment.header());
            keys.forEach(k -> out.println(k.line()));
        }
    }

    private static void report(List<KeyedPayment> keys, Map<String, Integer> answers, double seconds) {
        Map<String, Integer> byState = new TreeMap<>();
        Map<String, Integer> byFinal = new TreeMap<>();
        Map<String, Integer> problems = new TreeMap<>();
        long posts = 0;
        long reads = 0;
        long connectionErrors = 0;
        long inProgress = 0;
        long serverErrors = 0;
        long replays = 0;
        int with2xx = 0;
        int twoIds = 0;
        int hitByKill = 0;
        for (KeyedPayment k : keys) {
            byState.merge(k.state.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            if (k.finalStatus != null) {
                byFinal.merge(k.finalStatus, 1, Integer::sum);
            }
            if (!k.done() && k.lastProblem != null) {
                problems.merge(k.lastProblem, 1, Integer::sum);
            }
            posts += k.posts;
            reads += k.reads;
            connectionErrors += k.connectionErrors;
            inProgress += k.inProgressAnswers;
            serverErrors += k.serverErrors;
            replays += k.replays;
            if (k.firstSuccessStatus != 0) {
                with2xx++;
            }
            if (k.idsSeen.size() > 1) {
                twoIds++;
            }
            if (k.connectionErrors > 0) {
                hitByKill++;
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "keys         %d in %.1f s (%s)%n", keys.size(), seconds, byState);
        System.out.printf(Locale.ROOT, "final        %s%n", byFinal);
        System.out.printf(Locale.ROOT, "requests     %d POST, %d GET; %d connection errors, %d x 409 in progress, %d x 5xx, %d replays%n",
                posts, reads, connectionErrors, inProgress, serverErrors, replays);
        System.out.printf(Locale.ROOT, "keys that met a connection error (in flight at the kill or sent while it was down): %d%n", hitByKill);
        if (!answers.isEmpty()) {
            System.out.println("answers other than a 2xx, all keys:");
            answers.forEach((p, n) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", n, p));
        }
        if (!problems.isEmpty()) {
            System.out.println("last answer of the keys left unfinished:");
            problems.forEach((p, n) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", n, p));
        }
        int unfinished = byState.getOrDefault("open", 0) + byState.getOrDefault("processing", 0);
        System.out.printf(Locale.ROOT, "DRILL clients keys=%d final=%d refused=%d unfinished=%d with_2xx=%d keys_with_two_ids=%d%n",
                keys.size(), byState.getOrDefault("final", 0), byState.getOrDefault("refused", 0), unfinished, with2xx, twoIds);
    }
}
