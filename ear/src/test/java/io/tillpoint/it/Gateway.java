package io.tillpoint.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The gateway as a merchant's code sees it: HTTP and JSON, nothing else. */
final class Gateway {

    static final String BASE = System.getProperty("tillpoint.base-url", "http://localhost:18080");
    static final String PLATFORM_SECRET = "it-platform-secret";
    static final String VISA = "4242424242424242";
    /** A card expiry year that stays in the future whenever the tests run. */
    static final int EXP_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 3;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Gateway() {
    }

    /** The real EAR the build made, deployed as it is. */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("tillpoint.ear", "target/tillpoint.ear")));
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    static Reply post(String path, String token, String json) {
        return post(path, token, json, null);
    }

    static Reply post(String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder b = request(path, token);
        if (json != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    static Reply tokenRequest(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        return send(request("/api/v1/oauth/token", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static String token(String clientId, String secret) {
        Reply r = tokenRequest(clientId, secret);
        if (r.status() != 200) {
            throw new IllegalStateException("token: " + r.status() + " " + r.body());
        }
        return r.json().getString("access_token");
    }

    static String platformToken() {
        return token("platform", PLATFORM_SECRET);
    }

    /**
     * Asks for a job run ({@code POST /admin/jobs/{name}} with {@code body}) and follows its request
     * until the job completed or failed; the request as last read.
     */
    static JsonObject runJob(String name, String body) throws InterruptedException {
        Reply asked = post("/api/v1/admin/jobs/" + name, platformToken(), body);
        if (asked.status() != 202) {
            throw new IllegalStateException("job " + name + ": " + asked.status() + " " + asked.body());
        }
        String location = URI.create(asked.header("Location")).getPath();
        JsonObject request = asked.json();
        for (int i = 0; i < 120 && !request.getString("status").matches("completed|failed"); i++) {
            Thread.sleep(500);
            request = get(location, platformToken()).json();
        }
        return request;
    }

    /** A fresh merchant and its token; tests never share merchants. */
    static Merchant newMerchant() {
        Reply r = post("/api/v1/admin/merchants", platformToken(),
                "{\"name\":\"IT " + UUID.randomUUID() + "\",\"country\":\"US\",\"default_currency\":\"USD\","
                        + "\"pricing\":{\"percent_bps\":290,\"fixed\":30}}");
        if (r.status() != 201) {
            throw new IllegalStateException("merchant: " + r.status() + " " + r.body());
        }
        JsonObject m = r.json();
        return new Merchant(m.getString("id"), m.getString("client_id"), m.getString("client_secret"),
                token(m.getString("client_id"), m.getString("client_secret")));
    }

    record Merchant(String id, String clientId, String clientSecret, String token) {
    }

    static String cardPayment(long amount, String currency, String capture, String number) {
        return "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"capture\":\"" + capture + "\","
                + "\"reference\":\"order-" + UUID.randomUUID() + "\","
                + "\"payment_method\":{\"type\":\"card\",\"card\":{\"number\":\"" + number + "\","
                + "\"exp_month\":12,\"exp_year\":" + EXP_YEAR + ",\"cvc\":\"" + (number.startsWith("37") ? "1234" : "123") + "\"}}}";
    }

    /** A Luhn-valid number of {@code length} digits that starts with {@code prefix} (the sandbox approves it). */
    static String randomCard(String prefix, int length) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append(java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        }
        for (char check = '0'; check <= '9'; check++) {
            if (luhn(digits.toString() + check)) {
                return digits.append(check).toString();
            }
        }
        throw new AssertionError();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    static boolean isNull(JsonObject o, String name) {
        return !o.containsKey(name) || o.get(name).getValueType() == JsonValue.ValueType.NULL;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
