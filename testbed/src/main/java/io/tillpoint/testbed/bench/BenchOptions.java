package io.tillpoint.testbed.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Command-line flags of the bench, validated (loopback gateway only, bounded durations). */
public final class BenchOptions {

    static final String USAGE = """
            usage: PaymentBench [--base-url URL] [--clients N] [--seconds T] [--warmup W] [--protocol rest|soap] [--platform-secret S]
              --base-url         gateway base URL, loopback only (default http://localhost:8080)
              --clients          concurrent client threads (default 16, 1..512)
              --seconds          measured duration in seconds (default 30, 1..3600)
              --warmup           unmeasured warm-up seconds before that (default 5, 0..600)
              --protocol         rest: POST /api/v1/payments (default); soap: the SOAP Authorize at /soap/payments
              --platform-secret  secret of the platform client (default: env TILLPOINT_PLATFORM_SECRET)
            """;

    final URI baseUrl;
    final int clients;
    final int seconds;
    final int warmup;
    final String platformSecret;
    /** Whether the payments go over SOAP ({@code --protocol soap}) rather than REST. */
    final boolean soap;

    private BenchOptions(URI baseUrl, int clients, int seconds, int warmup, String platformSecret, boolean soap) {
        this.soap = soap;
        this.baseUrl = baseUrl;
        this.clients = clients;
        this.seconds = seconds;
        this.warmup = warmup;
        this.platformSecret = platformSecret;
    }

    static BenchOptions parse(String[] args) {
        String base = "http://localhost:8080";
        int clients = 16;
        int seconds = 30;
        int warmup = 5;
        boolean soap = false;
        String secret = System.getenv("TILLPOINT_PLATFORM_SECRET");
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
                case "--clients" -> clients = intIn(arg, value, 1, 512);
                case "--seconds" -> seconds = intIn(arg, value, 1, 3600);
                case "--warmup" -> warmup = intIn(arg, value, 0, 600);
                case "--platform-secret" -> secret = value;
                case "--protocol" -> soap = switch (value) {
                    case "rest" -> false;
                    case "soap" -> true;
                    default -> throw new IllegalArgumentException("--protocol must be rest or soap");
                };
                default -> throw new IllegalArgumentException("unknown flag " + arg);
            }
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the platform secret is required: --platform-secret or env TILLPOINT_PLATFORM_SECRET");
        }
        return new BenchOptions(loopbackUrl(base), clients, seconds, warmup, secret, soap);
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

    /** The bench (and the drill) only ever talk to this machine: the host must resolve to loopback addresses only. */
    public static URI loopbackUrl(String base) {
        URI uri;
        try {
            uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--base-url is not a URL: " + base);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--base-url must be http(s)");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("--base-url has no host");
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("--base-url must be a loopback address, " + host + " is not");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--base-url host does not resolve: " + host);
        }
        return uri;
    }
}
