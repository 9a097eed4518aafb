package io.tillpoint.testbed.drill;

import io.tillpoint.testbed.bench.BenchOptions;
import java.net.URI;
import java.nio.file.Path;

/** Command-line flags of the drill's clients, validated (loopback gateway only, bounded durations). */
final class DrillOptions {

    static final String USAGE = """
            usage: DrillClients --out DIR [--base-url URL] [--clients N] [--seconds T] [--settle-seconds S]
                                [--cards SPEC] [--request-timeout-ms MS] [--platform-secret SECRET]
              --out                 folder for keys.tsv (one line per idempotency key) and merchant.txt
              --base-url            gateway base URL, loopback only (default http://localhost:8080)
              --clients             client threads (default 16, 1..256)
              --seconds             seconds during which clients start new payments (default 20, 1..600)
              --settle-seconds      seconds after that for unfinished keys to get a final answer (default 120, 0..1800)
              --cards               card mix NUMBER[:WEIGHT],... (default 4242424242424242:85,4000000000000002:15)
              --request-timeout-ms  client timeout per request (default 10000)
              --platform-secret     secret of the platform client (default: env TILLPOINT_PLATFORM_SECRET)
            """;

    static final String DEFAULT_CARDS = "4242424242424242:85,4000000000000002:15";

    final URI baseUrl;
    final int clients;
    final int seconds;
    final int settleSeconds;
    final CardMix cards;
    final int requestTimeoutMillis;
    final String platformSecret;
    final Path out;

    private DrillOptions(URI baseUrl, int clients, int seconds, int settleSeconds, CardMix cards,
            int requestTimeoutMillis, String platformSecret, Path out) {
        this.baseUrl = baseUrl;
        this.clients = clients;
        this.seconds = seconds;
        this.settleSeconds = settleSeconds;
        this.cards = cards;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.platformSecret = platformSecret;
        this.out = out;
    }

    static DrillOptions parse(String[] args) {
        String base = "http://localhost:8080";
        int clients = 16;
        int seconds = 20;
        int settle = 120;
        String cards = DEFAULT_CARDS;
        int timeout = 10_000;
        String secret = System.getenv("TILLPOINT_PLATFORM_SECRET");
        String out = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--base-url" -> base = value;
                case "--clients" -> clients = intIn(arg, value, 1, 256);
                case "--seconds" -> seconds = intIn(arg, value, 1, 600);
                case "--settle-seconds" -> settle = intIn(arg, value, 0, 1800);
                case "--cards" -> cards = value;
                case "--request-timeout-ms" -> timeout = intIn(arg, value, 100, 120_000);
                case "--platform-secret" -> secret = value;
                case "--out" -> out = value;
                default -> throw new IllegalArgumentException("unknown flag " + arg);
            }
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the platform secret is required: --platform-secret or env TILLPOINT_PLATFORM_SECRET");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        return new DrillOptions(BenchOptions.loopbackUrl(base), clients, seconds, settle, CardMix.parse(cards), timeout,
                secret, Path.of(out));
    }

    private static int intIn(String flag, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(flag + " must be in " + min + ".." + max);
        }
        return n;
    }
}
