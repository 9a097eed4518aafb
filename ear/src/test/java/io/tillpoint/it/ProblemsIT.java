package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every failure is an RFC 9457 problem with a 4xx status, a code and the field at fault. */
@ExtendWith(ArquillianExtension.class)
class ProblemsIT {

    private Merchant m;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    @BeforeEach
    void merchant() {
        m = newMerchant();
    }

    private static Reply assertProblem(Reply r, int status, String code, String param) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getInt("status")).isEqualTo(status);
        assertThat(r.json().getString("type")).isNotBlank();
        assertThat(r.json().getString("title")).isNotBlank();
        if (code != null) {
            assertThat(r.json().getString("code")).isEqualTo(code);
        }
        if (param != null) {
            assertThat(r.json().getString("param")).isEqualTo(param);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("SQL")
                .doesNotContain("org.").doesNotContain("java.");
        return r;
    }

    private Reply pay(String json) {
        return post("/api/v1/payments", m.token(), json);
    }

    private static String withCard(String cardJson) {
        return "{\"amount\":100,\"currency\":\"USD\",\"payment_method\":{\"type\":\"card\",\"card\":" + cardJson + "}}";
    }

    @Test
    void malformed_json_and_wrong_shapes_are_400() {
        assertProblem(pay("{\"amount\": 100,"), 400, "malformed_json", null);
        assertProblem(pay("[1,2]"), 400, "malformed_json", null);
        assertProblem(pay("not json"), 400, "malformed_json", null);
        assertProblem(pay(""), 400, null, null);
    }

    @Test
    void wrong_types_name_the_field() {
        assertProblem(pay("{\"amount\":\"100\",\"currency\":\"USD\"}"), 400, "invalid_request", "amount");
        assertProblem(pay("{\"amount\":1.5,\"currency\":\"USD\"}"), 400, "invalid_request", "amount");
        assertProblem(pay("{\"amount\":100,\"currency\":840}"), 400, "invalid_request", "currency");
        assertProblem(pay(withCard("{\"number\":\"4242424242424242\",\"exp_month\":\"12\",\"exp_year\":" + EXP_YEAR + "}")),
                400, "invalid_request", "payment_method.card.exp_month");
        assertProblem(pay(withCard("{\"number\":4242424242424242,\"exp_month\":12,\"exp_year\":" + EXP_YEAR + "}")),
                400, "invalid_request", "payment_method.card.number");
        assertProblem(pay("{\"amount\":100,\"currency\":\"USD\",\"metadata\":{\"k\":1}}"), 400, null, "metadata.k");
        assertProblem(pay("{\"amount\":100,\"currency\":\"USD\",\"amout\":1}"), 400, null, "amout");
    }

    @Test
    void missing_fields_are_400() {
        assertProblem(pay("{\"currency\":\"USD\"}"), 400, null, "amount");
        assertProblem(pay("{\"amount\":100}"), 400, null, "currency");
        assertProblem(pay("{\"amount\":100,\"currency\":\"USD\"}"), 400, null, "payment_method");
        assertProblem(pay(withCard("{\"exp_month\":12,\"exp_year\":" + EXP_YEAR + "}")), 400, null, "payment_method.card.number");
        assertProblem(pay(withCard("{\"number\":\"4242424242424242\",\"exp_year\":" + EXP_YEAR + "}")), 400, null,
                "payment_method.card.exp_month");
    }

    @Test
    void currencies_and_amounts_are_checked() {
        assertProblem(pay(cardPayment(100, "ABC", "automatic", VISA)), 400, null, "currency");
        assertProblem(pay(cardPayment(100, "usd", "automatic", VISA)), 400, null, "currency");
        assertProblem(pay(cardPayment(0, "USD", "automatic", VISA)), 400, null, "amount");
        assertProblem(pay(cardPayment(-5, "USD", "automatic", VISA)), 400, null, "amount");
        assertProblem(pay(cardPayment(1_000_000_000_001L, "USD", "automatic", VISA)), 400, null, "amount");
        assertProblem(pay("{\"amount\":100000000000000000000000,\"currency\":\"USD\"}"), 400, null, "amount");
        assertThat(pay(cardPayment(1_000_000_000_000L, "USD", "automatic", VISA)).status()).isEqualTo(201);
    }

    @Test
    void cards_are_checked_and_never_echoed() {
        Reply luhn = assertProblem(pay(cardPayment(100, "USD", "automatic", "4242424242424241")), 400, "invalid_number",
                "payment_method.card.number");
        assertThat(luhn.body()).doesNotContain("4242424242424241");
        assertProblem(pay(withCard("{\"number\":\"4242424242424242\",\"exp_month\":1,\"exp_year\":2020}")), 400, null,
                "payment_method.card.exp_year");
        assertProblem(pay(withCard("{\"number\":\"4242424242424242\",\"exp_month\":13,\"exp_year\":" + EXP_YEAR + "}")), 400, null,
                "payment_method.card.exp_month");
        Reply cvc = assertProblem(pay(withCard("{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":" + EXP_YEAR + ",\"cvc\":\"98\"}")),
                400, "invalid_cvc", "payment_method.card.cvc");
        assertThat(cvc.body()).doesNotContain("\"98\"");
        assertProblem(pay("{\"amount\":100,\"currency\":\"USD\",\"payment_method\":{\"type\":\"alipay\"}}"), 400,
                "payment_method_unavailable", "payment_method.type");
    }

    @Test
    void the_contract_limits_are_400() {
        String base = "{\"amount\":100,\"currency\":\"USD\",\"payment_method\":{\"type\":\"card\",\"card\":"
                + "{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":" + EXP_YEAR + "}}";
        assertProblem(pay(base + ",\"reference\":\"" + "r".repeat(256) + "\"}"), 400, null, "reference");
        assertProblem(pay(base + ",\"description\":\"" + "d".repeat(1001) + "\"}"), 400, null, "description");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertProblem(pay(base + ",\"metadata\":" + many + "}}"), 400, null, "metadata");
        assertProblem(pay(base + ",\"metadata\":{\"" + "k".repeat(41) + "\":\"v\"}}"), 400, null, "metadata");
        assertProblem(pay(base + ",\"customer\":{\"email\":\"not-an-email\"}}"), 400, null, "customer.email");
        assertProblem(pay(base + ",\"customer\":{\"ip\":\"300.1.1.1\"}}"), 400, null, "customer.ip");
        assertProblem(pay(base + ",\"customer\":{\"country\":\"USA\"}}"), 400, null, "customer.country");
        assertThat(pay(base + ",\"reference\":\"" + "r".repeat(255) + "\",\"customer\":{\"id\":\"c-1\",\"email\":\"a@b.co\","
                + "\"ip\":\"2001:db8::1\",\"country\":\"BR\"},\"metadata\":{\"k\":\"" + "v".repeat(500) + "\"}}").status())
                .isEqualTo(201);
        assertProblem(get("/api/v1/payments?limit=0", m.token()), 400, null, "limit");
        assertProblem(get("/api/v1/payments?limit=101", m.token()), 400, null, "limit");
        assertProblem(get("/api/v1/payments?status=paid", m.token()), 400, null, "status");
        assertProblem(get("/api/v1/payments?created_gte=yesterday", m.token()), 400, null, "created_gte");
        assertProblem(get("/api/v1/payments?starting_after=pay_unknown", m.token()), 400, null, "starting_after");
    }

    @Test
    void size_type_and_unknown_things() {
        byte[] big = ("{\"description\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(send(request("/api/v1/payments", m.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))), 413, "body_too_large", null);
        assertProblem(send(request("/api/v1/payments", m.token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "unsupported_media_type", null);
        assertProblem(get("/api/v1/payments/pay_doesnotexist000000000000", m.token()), 404, "resource_missing", null);
        assertProblem(get("/api/v1/payments/anything", m.token()), 404, "resource_missing", null);
        assertProblem(get("/api/v1/no-such-thing", m.token()), 404, null, null);
        assertProblem(send(request("/api/v1/payments", m.token()).DELETE()), 405, null, null);
    }

    @Test
    void tokens_that_are_missing_wrong_unsigned_foreign_or_expired_are_401() throws Exception {
        assertProblem(get("/api/v1/payments", null), 401, null, null);
        assertProblem(get("/api/v1/payments", "not-a-token"), 401, null, null);

        long now = Instant.now().getEpochSecond();
        String valid = merchantClaims(now, now + 600);
        String expired = merchantClaims(now - 7200, now - 3600);

        assertProblem(get("/api/v1/payments", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(valid) + "."), 401, null, null);

        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        assertProblem(get("/api/v1/payments", sign(valid, gen.generateKeyPair().getPrivate())), 401, null, null);

        PrivateKey gatewayKey = gatewayKey();
        assertThat(get("/api/v1/payments", sign(valid, gatewayKey)).status()).isEqualTo(200);
        assertProblem(get("/api/v1/payments", sign(expired, gatewayKey)), 401, null, null);
    }

    @Test
    void a_token_is_verified_once_then_refused_as_soon_as_it_expires() throws Exception {
        // The token must outlive the three requests made while it is valid. A loaded machine may
        // need longer than the first window for them: then the check runs again with a longer one.
        for (long window : new long[] {5, 15, 45}) {
            long now = Instant.now().getEpochSecond();
            String token = sign(merchantClaims(now, now + window), gatewayKey());

            int first = get("/api/v1/payments", token).status();
            double verified = tokenVerifications();
            int second = get("/api/v1/payments", token).status();
            int third = get("/api/v1/payments", token).status();
            double verifiedAfterReuse = tokenVerifications();
            if (Instant.now().getEpochSecond() >= now + window) {
                continue; // expired before the checks were done: inconclusive, try a longer window
            }
            assertThat(new int[] {first, second, third}).containsOnly(200);
            assertThat(verifiedAfterReuse).as("a token already verified is not verified again").isEqualTo(verified);

            Thread.sleep(Math.max(0, (now + window + 1) * 1000 - System.currentTimeMillis()));
            assertProblem(get("/api/v1/payments", token), 401, null, null);
            assertThat(tokenVerifications()).as("an expired token is verified in full, and refused").isEqualTo(verified + 1);
            return;
        }
        throw new AssertionError("three requests took longer than 45 s: the machine is too slow to tell");
    }

    /** One platform token for every read of /metrics: verified on the first read only, so the count is the test's. */
    private static String metricsToken;

    private static double tokenVerifications() {
        if (metricsToken == null) {
            metricsToken = platformToken();
        }
        Reply metrics = send(request("/metrics", metricsToken).header("Accept", "text/plain").GET());
        Matcher value = Pattern
                .compile("(?m)^tillpoint_api_token_verifications_total\\{[^}]*\\} ([0-9.Ee+-]+)$").matcher(metrics.body());
        assertThat(value.find()).as("tillpoint_api_token_verifications_total on /metrics").isTrue();
        return Double.parseDouble(value.group(1));
    }

    @Test
    void wrong_client_secrets_and_grants_are_refused() {
        assertProblem(tokenRequest(m.clientId(), "wrong"), 401, "invalid_client", null);
        assertProblem(tokenRequest("nobody", "wrong"), 401, "invalid_client", null);
        Reply grant = send(request("/api/v1/oauth/token", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=a&client_secret=b")));
        assertProblem(grant, 400, "unsupported_grant_type", "grant_type");
        Reply ok = tokenRequest(m.clientId(), m.clientSecret());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().getString("token_type")).isEqualTo("Bearer");
        assertThat(ok.json().getJsonNumber("expires_in").longValue()).isPositive();
    }

    @Test
    void roles_keep_merchants_and_operators_apart() {
        assertProblem(post("/api/v1/admin/merchants", m.token(),
                "{\"name\":\"x\",\"country\":\"US\",\"default_currency\":\"USD\",\"pricing\":{\"percent_bps\":1,\"fixed\":1}}"),
                403, null, null);
        assertProblem(get("/api/v1/payments", platformToken()), 403, null, null);
        assertProblem(post("/api/v1/admin/merchants", platformToken(),
                "{\"name\":\"x\",\"country\":\"XX\",\"default_currency\":\"USD\",\"pricing\":{\"percent_bps\":1,\"fixed\":1}}"),
                400, null, "country");
    }

    /** The claims the gateway puts in the test merchant's tokens, issued at {@code iat}, expiring at {@code exp}. */
    private String merchantClaims(long iat, long exp) {
        return "{\"iss\":\"tillpoint\",\"sub\":\"" + m.clientId() + "\",\"upn\":\"" + m.clientId()
                + "\",\"aud\":[\"" + SigningKeys.AUDIENCE + "\"],\"groups\":[\"merchant\"],\"merchant_id\":\"" + m.id() + "\",\"iat\":" + iat
                + ",\"exp\":" + exp + ",\"jti\":\"x\"}";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Signed with {@code key}, under the gateway's active key id. */
    private static String sign(String claims, PrivateKey key) throws Exception {
        return SigningKeys.sign(claims, key, SigningKeys.activeKid());
    }

    /** The test server's own signing key, from its data folder: lets the test mint an expired token. */
    private static PrivateKey gatewayKey() throws Exception {
        return SigningKeys.activeKey();
    }
}
