package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17, the hostile-input sweep and point 7: malformed, absurd, oversized, injected and forged
 * requests to the token, payment, refund and admin endpoints get only clean answers: a 4xx
 * problem+json with a {@code code}, no stack trace, class name or SQL (or, for a hostile string
 * that is valid data, the data itself, stored and shown as it was sent). Every answer carries
 * {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store}, HTTPS ones also
 * {@code Strict-Transport-Security}; /metrics and /openapi need a platform token; /health says
 * no versions or sizes; a forged line break never starts a line in the server's log; a client
 * that trickles its body in holds no work turn.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final URI BASE_URI = URI.create(BASE);

    private Merchant m;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    @BeforeEach
    void merchant() {
        m = newMerchant();
    }

    // ------------------------------------------------------------------------------ the sweep

    @Test
    void malformed_and_absurd_json_is_a_clean_400_everywhere() {
        String payment = newPaymentId();
        List<String> bodies = new ArrayList<>(List.of(
                "{\"amount\": 100,", "[1,2]", "not json", "{\"a\":1}{\"b\":2}", "null", "\"text\"", "true", " ",
                "{\"amount\":100,\"amount\":\"x\"}", "{\"amount\":\"\\ud800\"}", "{\"amount\":1e999999999}",
                "{\"amount\":-0.0e-99999999}", "{\"amount\":" + "9".repeat(20_000) + "}",
                "{\"amount\":0." + "0".repeat(20_000) + "1}", "{\"x\":\"\\u00zz\"}", "{'amount':100}",
                "{\"amount\":100}\u0000", "{\"amount\":NaN}", "{\"amount\":Infinity}"));
        bodies.add("[".repeat(10_000));
        bodies.add("[".repeat(10_000) + "]".repeat(10_000));
        bodies.add("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        for (String path : List.of("/api/v1/payments", "/api/v1/payments/" + payment + "/refunds",
                "/api/v1/payments/" + payment + "/capture", "/api/v1/payments/" + payment + "/confirm",
                "/api/v1/tokens", "/api/v1/checkout/sessions", "/api/v1/webhook-endpoints")) {
            for (String body : bodies) {
                assertCleanProblem(answer(post(path, m.token(), body)), "POST " + path + " " + abbreviated(body));
            }
        }
        for (String body : bodies) {
            assertCleanProblem(answer(post("/api/v1/admin/merchants", platformToken(), body)),
                    "POST /api/v1/admin/merchants " + abbreviated(body));
        }
        // Bytes that are not UTF-8 at all: an overlong '/', a lone continuation byte, a surrogate's encoding.
        for (byte[] raw : new byte[][] {{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}}) {
            assertCleanProblem(answer(send(request("/api/v1/payments", m.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(raw)))), "invalid UTF-8");
        }
    }

    @Test
    void wrong_types_are_a_clean_400_that_names_the_field() {
        String payment = newPaymentId();
        String card = "\"payment_method\":{\"type\":\"card\",\"card\":{\"number\":\"" + VISA + "\",\"exp_month\":12,\"exp_year\":"
                + EXP_YEAR + "}}";
        for (String body : List.of("{\"amount\":\"100\",\"currency\":\"USD\"," + card + "}",
                "{\"amount\":[100],\"currency\":\"USD\"," + card + "}", "{\"amount\":{\"v\":1},\"currency\":\"USD\"," + card + "}",
                "{\"amount\":true,\"currency\":\"USD\"," + card + "}", "{\"amount\":100,\"currency\":[\"USD\"]," + card + "}",
                "{\"amount\":100,\"currency\":\"USD\",\"payment_method\":\"card\"}",
                "{\"amount\":100,\"currency\":\"USD\",\"payment_method\":{\"type\":\"card\",\"card\":[]}}",
                "{\"amount\":100,\"currency\":\"USD\",\"payment_method\":{\"type\":7}}",
                "{\"amount\":100,\"currency\":\"USD\",\"metadata\":[\"k\"]," + card + "}",
                "{\"amount\":100,\"currency\":\"USD\",\"customer\":\"c-1\"," + card + "}",
                "{\"amount\":100,\"currency\":\"USD\",\"capture\":false," + card + "}",
                "{\"amount\":9223372036854775808,\"currency\":\"USD\"," + card + "}",
                "{\"amount\":-9223372036854775809,\"currency\":\"USD\"," + card + "}",
                "{\"amount\":1e3,\"currency\":\"USD\"," + card + "}")) {
            Answer a = answer(post("/api/v1/payments", m.token(), body));
            assertCleanProblem(a, body);
            assertThat(a.json().getString("param", null)).as(body).isNotBlank();
        }
        for (String body : List.of("{\"amount\":\"1\"}", "{\"amount\":-1}", "{\"amount\":1.5}", "{\"amount\":true}",
                "{\"amount\":99999999999999999999}", "{\"reason\":[]}", "{\"reason\":\"" + "r".repeat(300) + "\"}")) {
            assertCleanProblem(answer(post("/api/v1/payments/" + payment + "/refunds", m.token(), body)), "refund " + body);
        }
        assertCleanProblem(answer(post("/api/v1/payments/" + payment + "/capture", m.token(), "{\"amount\":\"all\"}")), "capture");
        for (String body : List.of("{\"name\":1,\"country\":\"US\",\"default_currency\":\"USD\",\"pricing\":{\"percent_bps\":1,\"fixed\":1}}",
                "{\"name\":\"x\",\"country\":\"US\",\"default_currency\":\"USD\",\"pricing\":\"free\"}",
                "{\"name\":\"x\",\"country\":\"US\",\"default_currency\":\"USD\",\"pricing\":{\"percent_bps\":\"1\",\"fixed\":1}}",
                "{\"name\":\"x\",\"country\":\"US\",\"default_currency\":\"USD\",\"pricing\":{\"percent_bps\":-1,\"fixed\":1}}")) {
            assertCleanProblem(answer(post("/api/v1/admin/merchants", platformToken(), body)), "merchant " + body);
        }
        for (String body : List.of("{\"retention_hours\":\"48\"}", "{\"retention_hours\":-1}", "{\"retention_hours\":1e99}")) {
            assertCleanProblem(answer(post("/api/v1/admin/jobs/idempotency-purge", platformToken(), body)), "purge " + body);
        }
    }

    @Test
    void oversized_bodies_are_413_with_or_without_a_length() {
        byte[] big = ("{\"description\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer sized = answer(send(request("/api/v1/payments", m.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))));
        assertCleanProblem(sized, "64 KiB + with Content-Length");
        assertThat(sized.status()).isEqualTo(413);

        Answer chunked = answer(send(request("/api/v1/payments", m.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))));
        assertCleanProblem(chunked, "64 KiB + chunked");
        assertThat(chunked.status()).isEqualTo(413);

        byte[] almostAMebibyte = new byte[1000 * 1024];
        java.util.Arrays.fill(almostAMebibyte, (byte) ' ');
        for (String path : List.of("/api/v1/oauth/token", "/api/v1/admin/merchants", "/api/v1/payments/" + newPaymentId() + "/refunds")) {
            Answer a = answer(send(request(path, path.contains("admin") ? platformToken() : m.token())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(almostAMebibyte))));
            assertCleanProblem(a, "1000 KiB to " + path);
            assertThat(a.status()).isEqualTo(413);
        }
        // Without a token: still 413 (nothing of the body is kept), not a turn's work.
        Answer anonymous = answer(send(request("/api/v1/payments", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))));
        assertCleanProblem(anonymous, "64 KiB + without a token");

        // Chunked with a broken frame: the body cannot be read.
        Answer broken = raw("POST /api/v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m.token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        refusedByTheHttpLayer(broken, "broken chunked framing");
    }

    @Test
    void injected_strings_are_data_or_a_clean_400() {
        List<String> hostile = List.of("' OR '1'='1", "'; drop table payment; --", "\" OR \"\"=\"", "x\u0000y", "\u0000",
                "line\r\nX-Injected: 1", "../../../../etc/passwd", "%00", "%0d%0a", "<script>alert(1)</script>",
                "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "\\u0000", "\ud83d\udca9", "\u202e", "x\u001b[2J");
        for (String s : hostile) {
            String json = Json.createValue(s).toString();
            for (String field : List.of("reference", "description", "customer", "metadata")) {
                String extra = switch (field) {
                    case "customer" -> "\"customer\":{\"id\":" + json + "}";
                    case "metadata" -> "\"metadata\":{" + json + ":" + json + "}";
                    default -> "\"" + field + "\":" + json;
                };
                String body = "{\"amount\":100,\"currency\":\"USD\"," + extra + ",\"payment_method\":{\"type\":\"card\","
                        + "\"card\":{\"number\":\"" + VISA + "\",\"exp_month\":12,\"exp_year\":" + EXP_YEAR + ",\"cvc\":\"123\"}}}";
                Answer a = answer(post("/api/v1/payments", m.token(), body));
                if (a.status() == 201) {
                    assertSecurityHeaders(a, field + " " + abbreviated(s));
                    if (field.equals("reference")) {
                        assertThat(a.json().getString("reference")).as("stored and shown as sent").isEqualTo(s);
                        assertThat(answer(get("/api/v1/payments/" + a.json().getString("id"), m.token())).json()
                                .getString("reference")).isEqualTo(s);
                    }
                } else {
                    assertCleanProblem(a, field + " " + abbreviated(s));
                }
            }
            Answer search = answer(get("/api/v1/payments?reference=" + URLEncoder.encode(s, StandardCharsets.UTF_8), m.token()));
            if (search.status() == 200) {
                assertThat(search.json().getJsonArray("data").stream().map(p -> p.asJsonObject().getString("reference")))
                        .as("a search finds the one reference it names, nothing else").allMatch(s::equals);
            } else {
                assertCleanProblem(search, "search " + abbreviated(s));
            }
        }
        for (String query : List.of("limit=1;drop", "limit=%00", "limit=1e3", "limit=-1", "limit=99999999999999999999",
                "created_gte=%27%20or%201=1", "created_lt=2026-13-45T99:99:99Z", "status=%00", "starting_after=%27",
                "starting_after=pay_" + "0".repeat(500))) {
            assertCleanProblem(answer(get("/api/v1/payments?" + query, m.token())), query);
        }
        // The gateway is none the worse: its own payments and the merchant's list still answer.
        assertThat(post("/api/v1/payments", m.token(), cardPayment(100, "USD", "automatic", VISA)).status()).isEqualTo(201);
        assertThat(get("/api/v1/payments?limit=100", m.token()).status()).isEqualTo(200);
    }

    @Test
    void hostile_paths_and_headers_are_a_clean_4xx() {
        String t = m.token();
        for (String path : List.of("/api/v1/payments/pay_%0d%0aX-Injected:%201",
                "/api/v1/payments/..%2f..%2fadmin%2fmerchants", "/api/v1/payments/%2e%2e/%2e%2e/admin/merchants",
                "/api/v1/payments/%27%20OR%201=1--", "/api/v1/payments/%3Cscript%3E", "/api/v1/payments/pay_%E2%80%AE",
                "/api/v1/payments/pay_" + "a".repeat(4000), "/api/v1/payments/" + "%41".repeat(2000),
                "/api/v1/payments/pay_x;jsessionid=1", "/api/v1/payments/4242424242424242", "/api/v1/payments//",
                "/api/v1/%2e%2e/%2e%2e/WEB-INF/web.xml", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
                "/api/v1/payments/pay_x/refunds/..;/..;/", "/api/v1/payments?reference=%00", "/api/v1/payments?%00=1")) {
            Answer a = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t + "\r\nConnection: close\r\n\r\n");
            assertCleanProblem(a, "GET " + abbreviated(path));
            assertThat(a.header("X-Injected")).isNull();
        }
        // Not HTTP that an application gets to see: Payara refuses it itself (see refusedByTheHttpLayer).
        for (String line : List.of("GET /api/v1/payments/%00 HTTP/1.1", "GET /api/v1/payments/%c0%af HTTP/1.1",
                "GET /api/v1/payments/%ED%A0%80 HTTP/1.1", "GET /api/v1/payments/\u0000 HTTP/1.1",
                "GET /api/v1/../../../etc/passwd HTTP/1.1", "GET /api/v1/payments/\u00c0\u00af HTTP/1.1",
                "GET /api/v1/payments/a b HTTP/1.1")) {
            refusedByTheHttpLayer(raw(line + "\r\nHost: x\r\nAuthorization: Bearer " + t + "\r\nConnection: close\r\n\r\n"),
                    abbreviated(line));
        }
        for (String path : List.of("/api/v1/payments/%", "/api/v1/payments/%zz", "/api/v1/payments/pay_%g1")) {
            Answer a = raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            droppedByTheHttpLayer(a, "POST " + path);
        }
        // Headers: a smuggled line is a header of its own, never echoed; odd values are refused or ignored.
        Answer smuggled = raw("GET /api/v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t
                + "\r\nX-Request-Id: abc\r\nSet-Cookie: injected=1\r\nConnection: close\r\n\r\n");
        assertThat(smuggled.status()).isEqualTo(200);
        assertThat(smuggled.header("Set-Cookie")).isNull();
        for (String header : List.of("X-Request-Id: " + "r".repeat(6000), "X-Request-Id: a%0d%0ab", "Idempotency-Key: " + "k".repeat(300),
                "Idempotency-Key: ", "Idempotency-Key: %00", "Content-Type: ;;;", "Content-Type: application/json; charset=ebcdic-x",
                "Content-Type: application/json; charset=\"", "Authorization: Bearer " + t)) {
            Answer a = raw("POST /api/v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t + "\r\n" + header
                    + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            assertCleanProblem(a, abbreviated(header));
            assertThat(String.valueOf(a.header("X-Request-Id"))).doesNotContain("\u0000").hasSizeLessThan(100);
        }
        for (String header : List.of("X-Request-Id: a\u0000b", "Idempotency-Key: k\u0001", "Content-Type: application/json\u0000",
                "Content-Length: -1", "Content-Length: 99999999999999999999", "Content-Length: 1, 2")) {
            refusedByTheHttpLayer(raw("POST /api/v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t + "\r\n" + header
                    + "\r\nConnection: close\r\n\r\n{}"), abbreviated(header));
        }
    }

    @Test
    void forged_tokens_are_401() throws Exception {
        long now = Instant.now().getEpochSecond();
        String claims = merchantClaims(now, now + 600);
        String kid = SigningKeys.activeKid();
        byte[] publicDer = gatewayPublicKey().getEncoded();
        String publicPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicDer) + "\n-----END PUBLIC KEY-----\n";
        assertThat(answer(get("/api/v1/payments", sign(claims, gatewayKey()))).status())
                .as("the control: the same claims, signed as the gateway signs, are let in").isEqualTo(200);
        List<String> forged = List.of(
                b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + b64(claims) + ".",
                b64("{\"alg\":\"None\",\"kid\":\"" + kid + "\"}") + "." + b64(claims) + ".",
                b64("{\"alg\":\"none\"}") + "." + b64(claims),
                hs256(claims, kid, publicPem.getBytes(StandardCharsets.US_ASCII)),
                hs256(claims, kid, publicDer),
                sign(merchantClaims(now - 7200, now - 3600), gatewayKey()),
                sign(claims.replace("\"iss\":\"tillpoint\"", "\"iss\":\"evil\""), gatewayKey()),
                sign(claims.replace("\"aud\":\"" + SigningKeys.AUDIENCE + "\"", "\"aud\":\"another-api\""), gatewayKey()),
                SigningKeys.sign(claims.replace("\"groups\":[\"merchant\"]", "\"groups\":[\"platform-admin\"]"), foreignKey(), kid),
                SigningKeys.sign(claims, foreignKey(), "../../../../../dev/null"),
                SigningKeys.sign(claims, gatewayKey(), "no-such-key"),
                "garbage", "a.b.c", "...", "e30.e30.", "Zm9v", "x".repeat(7000), "\u00e9\u00e9.\u00e9.\u00e9");
        String payment = newPaymentId();
        for (String token : forged) {
            for (String path : List.of("/api/v1/payments", "/api/v1/payments/" + payment + "/refunds", "/api/v1/admin/merchants")) {
                Answer got = answer(get(path, token));
                assertCleanProblem(got, "GET " + path + " with " + abbreviated(token));
                assertThat(got.status()).isEqualTo(401);
                Answer posted = answer(post(path, token, "{}"));
                assertCleanProblem(posted, "POST " + path + " with " + abbreviated(token));
                assertThat(posted.status()).isEqualTo(401);
            }
            Answer metrics = answer(get("/metrics", token));
            assertCleanProblem(metrics, "/metrics with " + abbreviated(token));
            assertThat(metrics.status()).isEqualTo(401);
        }
        for (String authorization : List.of("Bearer", "Bearer ", "Bearer  ", "Basic cGxhdGZvcm06eA==",
                "Bearer " + m.token() + " extra", "Token " + m.token())) {
            Answer a = answer(send(request("/api/v1/payments", null).header("Authorization", authorization).GET()));
            assertCleanProblem(a, "Authorization: " + abbreviated(authorization));
            assertThat(a.status()).isEqualTo(401);
        }
        Answer twice = raw("GET /api/v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer garbage\r\nAuthorization: Bearer "
                + m.token() + "\r\nConnection: close\r\n\r\n");
        assertThat(twice.status()).as("two Authorization headers: not the second's rights").isIn(400, 401);
        assertCleanProblem(twice, "two Authorization headers");
        // A token for the token endpoint is not needed, and a forged one changes nothing there.
        assertCleanProblem(answer(send(request("/api/v1/oauth/token", forged.get(0))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=nobody-" + UUID.randomUUID() + "&client_secret=x")))),
                "token endpoint with a forged token");
    }

    @Test
    void wrong_content_types_and_methods_are_a_clean_4xx() {
        String payment = newPaymentId();
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json; charset=\"", "/", "application/jsonx", "*/*")) {
            Answer a = answer(send(request("/api/v1/payments", m.token()).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(cardPayment(100, "USD", "automatic", VISA)))));
            assertCleanProblem(a, "Content-Type " + type);
        }
        Answer noType = raw("POST /api/v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m.token()
                + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertCleanProblem(noType, "no Content-Type");
        for (String type : List.of("application/json", "text/plain", "multipart/form-data; boundary=x")) {
            Answer a = answer(send(request("/api/v1/oauth/token", null).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))));
            assertCleanProblem(a, "token endpoint with " + type);
        }
        assertCleanProblem(answer(send(request("/api/v1/oauth/token", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=%zz&client_secret=%")))),
                "malformed form");
        assertCleanProblem(answer(send(request("/api/v1/oauth/token", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("&&&=&grant_type")))), "form without values");
        for (String method : List.of("PUT", "PATCH", "FOO", "PROPFIND", "CONNECT")) {
            for (String path : List.of("/api/v1/payments", "/api/v1/payments/" + payment, "/api/v1/oauth/token",
                    "/api/v1/admin/merchants", "/api/v1/payments/" + payment + "/refunds")) {
                String token = path.contains("admin") ? platformToken() : m.token();
                Answer a = raw(method + " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                assertCleanProblem(a, method + " " + path);
            }
        }
        for (String path : List.of("/api/v1/payments", "/api/v1/payments/" + payment, "/api/v1/oauth/token")) {
            assertCleanProblem(raw("DELETE " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m.token()
                    + "\r\nConnection: close\r\n\r\n"), "DELETE " + path);
            // With a body, Payara's HTTP layer refuses a DELETE itself.
            refusedByTheHttpLayer(raw("DELETE " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m.token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), "DELETE with a body");
        }
        for (String path : List.of("/api/v1/payments", "/api/v1/oauth/token", "/health", "/metrics", "/anything")) {
            Answer trace = raw("TRACE " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m.token()
                    + "\r\nConnection: close\r\n\r\n");
            refusedByTheHttpLayer(trace, "TRACE " + path);
            assertThat(trace.body()).as("TRACE echoes nothing").doesNotContain(m.token());
        }
        assertCleanProblem(answer(get("/api/v1/oauth/token", null)), "GET token endpoint");
        assertCleanProblem(answer(get("/api/v1/payments/" + payment + "/capture", m.token())), "GET capture");
    }

    // --------------------------------------------------------------------- point 7: headers

    @Test
    void a_payment_an_error_and_a_401_carry_the_security_headers() {
        Answer created = answer(post("/api/v1/payments", m.token(), cardPayment(100, "USD", "automatic", VISA)));
        assertThat(created.status()).isEqualTo(201);
        assertSecurityHeaders(created, "payment 201");
        assertThat(created.header("Strict-Transport-Security")).as("not over plain HTTP").isNull();

        assertSecurityHeaders(answer(get("/api/v1/payments/" + created.json().getString("id"), m.token())), "payment 200");
        assertSecurityHeaders(answer(tokenRequest(m.clientId(), m.clientSecret())), "token 200");
        assertCleanProblem(answer(post("/api/v1/payments", m.token(), "{\"amount\":\"x\"}")), "400");
        assertCleanProblem(answer(tokenRequest(m.clientId(), "wrong")), "401 invalid_client");
        Answer noToken = answer(get("/api/v1/payments", null));
        assertCleanProblem(noToken, "401 without a token (the role check)");
        Answer badToken = answer(get("/api/v1/payments", "not-a-token"));
        assertCleanProblem(badToken, "401 for a bad token (the authentication module, before any filter)");
        assertThat(badToken.status()).isEqualTo(401);
        assertCleanProblem(answer(get("/api/v1/payments", platformToken())), "403");
        assertCleanProblem(answer(get("/api/v1/payments/pay_nope", m.token())), "404 in the API");
        assertCleanProblem(answer(get("/no/such/page", null)), "404 outside the API");
        assertCleanProblem(answer(get("/problems/500", null)), "an error page asked for directly");
        Answer forwardedOverHttp = answer(send(request("/api/v1/payments", m.token()).header("X-Forwarded-Proto", "https").GET()));
        assertThat(forwardedOverHttp.header("Strict-Transport-Security"))
                .as("X-Forwarded-Proto is not trusted unless the operator says so").isNull();
    }

    @Test
    void over_https_every_answer_says_strict_transport_security() throws Exception {
        URI https = URI.create("https://localhost:" + (BASE_URI.getPort() + 1));
        for (String[] ask : new String[][] {{"/api/v1/payments", m.token()}, {"/api/v1/payments", null},
                {"/api/v1/payments", "not-a-token"}, {"/health/ready", null}, {"/metrics", null},
                {"/metrics", platformToken()}, {"/openapi", null}, {"/nothing-here", null}}) {
            Answer a = overHttps(https.resolve(ask[0]), ask[1]);
            assertThat(a.header("Strict-Transport-Security")).as(ask[0] + " " + a.status()).isEqualTo("max-age=31536000");
            assertSecurityHeaders(a, "https " + ask[0]);
        }
    }

    @Test
    void health_metrics_and_openapi_answer_with_the_headers_and_only_operators_read_metrics() {
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            Answer a = answer(get(path, null));
            assertThat(a.status()).as(path).isIn(200, 503);
            assertSecurityHeaders(a, path);
        }
        Answer noToken = answer(get("/metrics", null));
        assertCleanProblem(noToken, "/metrics without a token");
        assertThat(noToken.status()).isEqualTo(401);
        Answer merchant = answer(get("/metrics", m.token()));
        assertCleanProblem(merchant, "/metrics with a merchant's token");
        assertThat(merchant.status()).isEqualTo(403);
        Answer operator = answer(send(request("/metrics", platformToken()).header("Accept", "text/plain").GET()));
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.body()).contains("tillpoint_api_requests_working");
        assertSecurityHeaders(operator, "/metrics with a platform token");
        for (String path : List.of("/metrics/base", "/metrics/application", "/metrics?scope=base")) {
            assertThat(answer(get(path, null)).status()).as(path).isEqualTo(401);
        }

        Answer openApiClosed = answer(get("/openapi", null));
        assertCleanProblem(openApiClosed, "/openapi without a token");
        assertThat(openApiClosed.status()).isEqualTo(401);
        assertThat(answer(get("/openapi", m.token())).status()).isEqualTo(403);
        Answer openApi = answer(get("/openapi", platformToken()));
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("openapi");
        assertSecurityHeaders(openApi, "/openapi with a platform token");
    }

    @Test
    void health_names_its_checks_and_says_no_versions_or_sizes() {
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            Answer a = answer(get(path, null));
            JsonObject health = a.json();
            assertThat(health.getString("status")).as(path).isIn("UP", "DOWN");
            health.getJsonArray("checks").forEach(check -> {
                JsonObject c = check.asJsonObject();
                assertThat(c.keySet()).as(path + " " + c).isSubsetOf("name", "status", "data");
                if (c.containsKey("data")) {
                    assertThat(c.getJsonObject("data").keySet()).as(path + " " + c).isSubsetOf("state");
                }
            });
            assertThat(a.body()).as(path).doesNotContainIgnoringCase("heap").doesNotContainIgnoringCase("_mb")
                    .doesNotContainIgnoringCase("postgres").doesNotContainIgnoringCase("version")
                    .doesNotContainIgnoringCase("exception").doesNotContainPattern("\\d+\\.\\d+");
        }
        assertThat(answer(get("/health/ready", null)).body()).containsPattern("\"name\" *: *\"database\"")
                .containsPattern("\"name\" *: *\"application\"");
        assertThat(answer(get("/health/live", null)).body()).containsPattern("\"name\" *: *\"instance\"");
    }

    // ------------------------------------------------------------- point 6 and point 4 in the container

    @Test
    void a_forged_line_break_in_a_path_does_not_start_a_log_line() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        Answer a = raw("GET /api/v1/payments/pay_x%0d%0a" + marker + "%0a[%23%7CSEVERE%7C HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + m.token() + "\r\nConnection: close\r\n\r\n");
        assertCleanProblem(a, "forged line in a path");

        Path log = Path.of(System.getProperty("payara.home"), "glassfish", "domains", "tillpoint-test", "logs", "server.log");
        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.stream().noneMatch(l -> l.contains(marker)); i++) {
            Thread.sleep(100); // the access log is written in batches every 200 ms
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        }
        List<String> mentioning = lines.stream().filter(l -> l.contains(marker)).toList();
        assertThat(mentioning).as("the request's access line").isNotEmpty();
        for (String line : mentioning) {
            assertThat(line).as("the forged text sits inside the line that logged the path")
                    .contains("pay_x\\r\\n" + marker).doesNotStartWith(marker);
        }
    }

    @Test
    void a_client_that_trickles_its_body_holds_no_work_turn() throws Exception {
        String body = cardPayment(100, "USD", "automatic", VISA);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(BASE_URI.getHost(), BASE_URI.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m.token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            Thread.sleep(500);
            assertThat(gauge("tillpoint_api_requests_working")).as("half a body sent: no turn held").isZero();
            assertThat(gauge("tillpoint_api_requests_waiting")).isZero();
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.flush();
            Answer a = parse(socket.getInputStream().readAllBytes());
            assertThat(a.status()).as(a.body()).isEqualTo(201);
        }
    }

    // ---------------------------------------------------------------------------- helpers

    /** An answer, whichever client got it: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + abbreviated(body);
        }
    }

    /**
     * The sweep's own client speaks HTTP/1.1, one request per connection where it must: over the
     * shared client's HTTP/2 connection, one refused header block (431) left every later request
     * on that connection refused too.
     */
    private static final HttpClient HTTP_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP_1.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    private static Reply post(String path, String token, String json) {
        HttpRequest.Builder b = request(path, token);
        if (json != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        return send(b);
    }

    private static Answer answer(Reply r) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.raw().headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        return new Answer(r.status(), headers, r.body());
    }

    /** What the sweep found: every unclean answer of a test, reported together when it ends. */
    private final List<String> findings = new ArrayList<>();

    @AfterEach
    void nothingUncleanWasFound() {
        assertThat(findings).as(findings.size() + " unclean answers").isEmpty();
    }

    /** Records {@code check}'s failure as a finding, so that one test reports every unclean answer it met. */
    private void sweep(String what, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            findings.add(what + " -> " + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    private void assertCleanProblem(Answer a, String what) {
        sweep(what, () -> cleanProblem(a, what));
    }

    /** A clean refusal: 4xx, problem+json with a code, nothing of the server's insides, the security headers. */
    private static void cleanProblem(Answer a, String what) {
        assertThat(a.status()).as(what + ": " + a).isBetween(400, 499);
        assertThat(a.header("Content-Type")).as(what + ": " + a).startsWith("application/problem+json");
        JsonObject problem;
        try {
            problem = a.json();
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": the body is not a JSON object: " + a, e);
        }
        assertThat(problem.getInt("status", -1)).as(what + ": " + a).isEqualTo(a.status());
        assertThat(problem.getString("code", "")).as(what + ": " + a).isNotBlank();
        assertThat(a.body()).as(what + ": " + a).doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.")
                .doesNotContain("jakarta.").doesNotContain("\tat ").doesNotContain("at io.")
                .doesNotContainPattern("(?i)(\\bsql\\b|sqlstate|psql|postgres|select .* from|insert into|syntax error|relation \")")
                .doesNotContain("Payara")
                .doesNotContain("GlassFish").doesNotContain("Grizzly").doesNotContain("<html");
        securityHeaders(a, what);
    }

    /**
     * What is not an HTTP request that an application gets to see (a request line or header that
     * breaks HTTP's syntax, {@code %00} or a non-UTF-8 escape in a path, a broken chunked body, a
     * DELETE with a body, TRACE): Payara's HTTP layer refuses it before any of the gateway's code
     * runs, with a 4xx (505 for a request line with a space in its path) and an empty body, and
     * closes the connection. Nothing of the server shows; the gateway's headers are not there,
     * because the gateway never answered.
     */
    private void refusedByTheHttpLayer(Answer a, String what) {
        sweep(what, () -> {
            assertThat(a.status()).as(what + ": " + a).isIn(400, 405, 505);
            assertThat(a.body()).as(what + ": " + a).isEmpty();
            assertThat(a.header("X-Request-Id")).as(what + ": the application never saw it").isNull();
            assertThat(a.header("Connection")).as(what + ": " + a).isEqualToIgnoringCase("close");
        });
    }

    /**
     * A malformed %-escape in a path ({@code %}, {@code %zz}): Payara's decoder throws before any
     * application runs, Payara logs it as SEVERE and answers 200 with an empty body (a platform
     * trap, see docs/troubleshooting.md). Nothing was done: no answer of the gateway's, no payment.
     */
    private void droppedByTheHttpLayer(Answer a, String what) {
        sweep(what, () -> {
            assertThat(a.body()).as(what + ": " + a).isEmpty();
            assertThat(a.header("X-Request-Id")).as(what + ": the application never saw it").isNull();
            assertThat(a.header("Location")).isNull();
        });
    }

    private void assertSecurityHeaders(Answer a, String what) {
        sweep(what, () -> securityHeaders(a, what));
    }

    private static void securityHeaders(Answer a, String what) {
        assertThat(a.header("X-Content-Type-Options")).as(what + ": " + a).isEqualTo("nosniff");
        assertThat(a.header("Cache-Control")).as(what + ": " + a).isEqualTo("no-store");
    }

    /** Sends bytes as they are (what java.net.http refuses to send), over a connection of its own. */
    private static Answer raw(String request) {
        try (Socket socket = new Socket(BASE_URI.getHost(), BASE_URI.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP/1.1 answer: its head, then a body by Content-Length, chunks, or to the end. */
    private static Answer parse(byte[] bytes) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        String status = line(in);
        assertThat(status).as("an HTTP answer").startsWith("HTTP/1.");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(l.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length").get(0))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A GET over the server's HTTPS listener (its self-signed certificate trusted for the test). */
    private static Answer overHttps(URI uri, String token) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        HttpsURLConnection c = (HttpsURLConnection) new URL(uri.toString()).openConnection();
        c.setSSLSocketFactory(tls.getSocketFactory());
        c.setHostnameVerifier((host, session) -> true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        int status = c.getResponseCode();
        InputStream stream = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        c.getHeaderFields().forEach((k, v) -> {
            if (k != null) {
                headers.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        c.disconnect();
        return new Answer(status, headers, body);
    }

    private static double gauge(String name) {
        Reply metrics = send(request("/metrics", platformToken()).header("Accept", "text/plain").GET());
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.Ee+-]+)$").matcher(metrics.body());
        assertThat(value.find()).as(name + " on /metrics").isTrue();
        return Double.parseDouble(value.group(2));
    }

    private String newPaymentId() {
        Reply r = post("/api/v1/payments", m.token(), cardPayment(1000, "USD", "automatic", VISA));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    private static String abbreviated(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "... (" + s.length() + " chars)" : s;
        return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
    }

    /** The claims the gateway puts in the test merchant's tokens, issued at {@code iat}, expiring at {@code exp}. */
    private String merchantClaims(long iat, long exp) {
        return "{\"iss\":\"tillpoint\",\"sub\":\"" + m.clientId() + "\",\"upn\":\"" + m.clientId()
                + "\",\"groups\":[\"merchant\"],\"merchant_id\":\"" + m.id() + "\",\"aud\":\"" + SigningKeys.AUDIENCE + "\",\"iat\":" + iat
                + ",\"exp\":" + exp + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String b64(String json) {
        return b64(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RS256 with {@code key} under the gateway's active key id, as the gateway signs. */
    private static String sign(String claims, PrivateKey key) throws Exception {
        return SigningKeys.sign(claims, key, SigningKeys.activeKid());
    }

    /** A key the gateway never saw. */
    private static PrivateKey foreignKey() throws Exception {
        java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        return gen.generateKeyPair().getPrivate();
    }

    /** HS256 keyed with the gateway's public key (as PEM text or DER): the algorithm-confusion forgery. */
    private static String hs256(String claims, String kid, byte[] secret) throws Exception {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + b64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The test server's active signing key, from its data folder: lets the test mint expired and foreign-issuer tokens. */
    private static PrivateKey gatewayKey() throws Exception {
        return SigningKeys.activeKey();
    }

    /** The public half of the active key: what the gateway publishes, so what an attacker has. */
    private static PublicKey gatewayPublicKey() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) gatewayKey();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }
}
