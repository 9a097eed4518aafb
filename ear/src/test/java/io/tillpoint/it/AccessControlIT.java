package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access control as the contract says it: ten wrong secrets lock a client id out (429 with
 * Retry-After) for that id only, until the window is over; a suspended merchant or revoked client
 * is refused on its very next request, within a second, with a token that is still valid; tokens
 * name their key and audience, and both are checked. The test domain's lock-out window is short
 * ({@code TILLPOINT_AUTH_LOCKOUT_WINDOW_MS} in ear/pom.xml), so that its end can be waited for.
 */
@ExtendWith(ArquillianExtension.class)
class AccessControlIT {

    /** What the contract allows for a change to reach every instance. */
    private static final long ONE_SECOND_MS = 1000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    private static Reply assertProblem(Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getInt("status")).isEqualTo(status);
        if (code != null) {
            assertThat(r.json().getString("code")).isEqualTo(code);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
        return r;
    }

    // ---------------------------------------------------------------------------- lock-out

    @Test
    void ten_wrong_secrets_lock_the_client_id_out_then_even_the_right_secret_is_429_and_others_go_on() throws Exception {
        Merchant m = newMerchant();
        Merchant other = newMerchant();

        for (int i = 1; i <= 10; i++) {
            assertProblem(tokenRequest(m.clientId(), "wrong-" + i), 401, "invalid_client");
        }
        Reply eleventh = assertProblem(tokenRequest(m.clientId(), "wrong-11"), 429, "too_many_attempts");
        long retryAfter = Long.parseLong(eleventh.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, lockoutWindowSeconds());
        Reply right = assertProblem(tokenRequest(m.clientId(), m.clientSecret()), 429, "too_many_attempts");
        assertThat(right.header("Retry-After")).isNotNull();
        assertThat(right.body()).doesNotContain(m.clientSecret());

        assertThat(tokenRequest(other.clientId(), other.clientSecret()).status()).as("another client").isEqualTo(200);
        assertThat(get("/api/v1/payments", m.token()).status()).as("tokens issued before still work").isEqualTo(200);

        Thread.sleep(Long.parseLong(right.header("Retry-After")) * 1000 + 500);
        assertThat(tokenRequest(m.clientId(), m.clientSecret()).status()).as("after the lock-out").isEqualTo(200);

        for (int i = 1; i <= 9; i++) {
            assertProblem(tokenRequest(m.clientId(), "again-" + i), 401, "invalid_client");
        }
        assertThat(tokenRequest(m.clientId(), m.clientSecret()).status()).as("nine failures lock nothing").isEqualTo(200);
        for (int i = 1; i <= 9; i++) {
            assertProblem(tokenRequest(m.clientId(), "after-reset-" + i), 401, "invalid_client");
        }
        assertThat(tokenRequest(m.clientId(), m.clientSecret()).status())
                .as("a right secret started the count again").isEqualTo(200);
    }

    @Test
    void unknown_client_ids_are_counted_and_locked_out_the_same_way() {
        String nobody = "cli_nobody" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        for (int i = 1; i <= 10; i++) {
            assertProblem(tokenRequest(nobody, "guess-" + i), 401, "invalid_client");
        }
        assertProblem(tokenRequest(nobody, "guess-11"), 429, "too_many_attempts");
    }

    @Test
    void failed_authentications_are_logged_with_source_and_reason_never_the_secret() throws Exception {
        Merchant m = newMerchant();
        String marker = "wrong-secret-" + UUID.randomUUID();
        assertProblem(tokenRequest(m.clientId(), marker), 401, "invalid_client");
        assertProblem(tokenRequest("evil\r\nauth_ok client_id=platform", "x"), 401, "invalid_client");
        assertProblem(get("/api/v1/payments", "eyJhbGciOiJub25lIn0.e30." + marker), 401, null);

        String log = awaitLog(m.clientId());
        assertThat(log).contains("auth_failed at=token_endpoint reason=wrong_secret client_id=\"" + m.clientId() + "\" ip=");
        assertThat(log).contains("client_id=\"evil\\r\\nauth_ok client_id=platform\"");
        assertThat(log).doesNotContain("\nauth_ok").doesNotContain(marker).doesNotContain(m.clientSecret());
        assertThat(log).contains("auth_failed at=bearer_token reason=");
    }

    // -------------------------------------------------------------------------- suspension

    @Test
    void a_suspended_merchant_is_refused_on_its_next_request_within_a_second_and_reactivation_lets_it_back() throws Exception {
        Merchant m = newMerchant();
        String pt = platformToken();
        assertThat(get("/api/v1/payments", m.token()).status()).isEqualTo(200);

        Reply suspended = post("/api/v1/admin/merchants/" + m.id() + "/suspend", pt, "{\"reason\":\"chargeback review\"}");
        long at = System.currentTimeMillis();
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().getString("status")).isEqualTo("suspended");
        assertThat(suspended.json().getString("status_reason")).isEqualTo("chargeback review");

        Reply refused = awaitStatus(m.token(), s -> s == 403);
        assertThat(System.currentTimeMillis() - at).as("ms until refused").isLessThanOrEqualTo(ONE_SECOND_MS);
        assertProblem(refused, 403, "merchant_suspended");
        assertProblem(post("/api/v1/payments", m.token(), cardPayment(100, "USD", "automatic", VISA)), 403,
                "merchant_suspended");
        assertProblem(tokenRequest(m.clientId(), m.clientSecret()), 403, "merchant_suspended");
        assertProblem(post("/api/v1/admin/merchants/" + m.id() + "/suspend", pt, "{\"reason\":\"again\"}"), 409,
                "invalid_state");

        Reply reactivated = post("/api/v1/admin/merchants/" + m.id() + "/reactivate", pt, "{\"reason\":\"review passed\"}");
        long back = System.currentTimeMillis();
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
        assertThat(reactivated.json().getString("status")).isEqualTo("active");
        assertThat(awaitStatus(m.token(), s -> s == 200).status()).isEqualTo(200);
        assertThat(System.currentTimeMillis() - back).isLessThanOrEqualTo(ONE_SECOND_MS);
        assertThat(tokenRequest(m.clientId(), m.clientSecret()).status()).isEqualTo(200);
    }

    @Test
    void a_keyed_suspension_or_revocation_replays_what_was_committed_instead_of_doing_it_again() {
        Merchant m = newMerchant();
        String pt = platformToken();
        String key = java.util.UUID.randomUUID().toString();
        String body = "{\"reason\":\"chargebacks\"}";

        Reply first = post("/api/v1/admin/merchants/" + m.id() + "/suspend", pt, body, key);
        Reply again = post("/api/v1/admin/merchants/" + m.id() + "/suspend", pt, body, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).as("not a second suspension (409 invalid_state)").isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());

        Reply issued = post("/api/v1/admin/merchants/" + m.id() + "/credentials", pt, null);
        String clientId = issued.json().getString("client_id");
        String revokeKey = java.util.UUID.randomUUID().toString();
        Reply revoked = post("/api/v1/admin/credentials/" + clientId + "/revoke", pt, body, revokeKey);
        Reply revokedAgain = post("/api/v1/admin/credentials/" + clientId + "/revoke", pt, body, revokeKey);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revokedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(revokedAgain.body()).isEqualTo(revoked.body());
    }

    @Test
    void suspension_needs_a_reason_a_real_merchant_and_a_platform_token() {
        Merchant m = newMerchant();
        String pt = platformToken();
        String path = "/api/v1/admin/merchants/" + m.id() + "/suspend";

        assertThat(assertProblem(post(path, pt, "{}"), 400, null).json().getString("param")).isEqualTo("reason");
        assertThat(assertProblem(post(path, pt, "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400, null).json()
                .getString("param")).isEqualTo("reason");
        assertProblem(post(path, pt, "{\"reason\":\"x\",\"extra\":1}"), 400, null);
        assertProblem(post(path, pt, null), 400, null);
        assertProblem(post("/api/v1/admin/merchants/mer_0000000000000000000000000/suspend", pt, "{\"reason\":\"x\"}"), 404,
                "resource_missing");
        assertProblem(post(path, m.token(), "{\"reason\":\"x\"}"), 403, null);
        assertThat(get("/api/v1/payments", m.token()).status()).as("still active").isEqualTo(200);
    }

    // ------------------------------------------------------------------ credentials, revocation

    @Test
    void new_credentials_are_shown_once_and_a_revoked_client_is_refused_on_its_next_request() throws Exception {
        Merchant m = newMerchant();
        String pt = platformToken();
        String key = "creds-" + UUID.randomUUID();

        Reply issued = post("/api/v1/admin/merchants/" + m.id() + "/credentials", pt, null, key);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String clientId = issued.json().getString("client_id");
        String secret = issued.json().getString("client_secret");
        assertThat(clientId).startsWith("cli_").isNotEqualTo(m.clientId());
        assertThat(secret).startsWith("sk_");

        Reply replay = post("/api/v1/admin/merchants/" + m.id() + "/credentials", pt, null, key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().getString("client_id")).isEqualTo(clientId);
        assertThat(isNull(replay.json(), "client_secret")).as("the secret is shown once").isTrue();
        assertThat(replay.body()).doesNotContain(secret);
        assertThat(Database.placesHolding(secret)).as("the secret is stored nowhere").isEmpty();

        String token = token(clientId, secret);
        assertThat(get("/api/v1/payments", token).status()).isEqualTo(200);

        Reply revoked = post("/api/v1/admin/credentials/" + clientId + "/revoke", pt, "{\"reason\":\"leaked in a log\"}");
        long at = System.currentTimeMillis();
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().getBoolean("active")).isFalse();
        Reply refused = awaitStatus(token, s -> s == 401);
        assertThat(System.currentTimeMillis() - at).as("ms until refused").isLessThanOrEqualTo(ONE_SECOND_MS);
        assertProblem(refused, 401, null);
        assertProblem(tokenRequest(clientId, secret), 401, "invalid_client");
        assertThat(get("/api/v1/payments", m.token()).status()).as("the merchant's other client").isEqualTo(200);

        assertProblem(post("/api/v1/admin/credentials/" + clientId + "/revoke", pt, "{\"reason\":\"again\"}"), 409,
                "invalid_state");
        assertProblem(post("/api/v1/admin/credentials/platform/revoke", pt, "{\"reason\":\"oops\"}"), 409, "invalid_state");
        assertProblem(post("/api/v1/admin/credentials/cli_nobody/revoke", pt, "{\"reason\":\"x\"}"), 404, "resource_missing");
        assertProblem(post("/api/v1/admin/credentials/" + m.clientId() + "/revoke", m.token(), "{\"reason\":\"x\"}"), 403,
                null);
    }

    // --------------------------------------------------------------------------------- tokens

    @Test
    void tokens_name_their_key_and_audience_and_live_fifteen_minutes() throws Exception {
        Merchant m = newMerchant();
        Reply r = tokenRequest(m.clientId(), m.clientSecret());
        assertThat(r.json().getJsonNumber("expires_in").longValue()).isEqualTo(900);

        String token = r.json().getString("access_token");
        JsonObject header = json(SigningKeys.part(token, 0));
        JsonObject claims = json(SigningKeys.part(token, 1));
        assertThat(header.getString("kid")).isEqualTo(SigningKeys.activeKid());
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(claims.get("aud").toString()).contains("\"" + SigningKeys.AUDIENCE + "\"");
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(900);
        assertThat(Files.exists(SigningKeys.folder().getParent().resolve("jwks.json"))).isTrue();
        assertThat(Files.readString(SigningKeys.folder().getParent().resolve("jwks.json")))
                .contains("\"kid\":\"" + SigningKeys.activeKid() + "\"").doesNotContain("\"d\"");
    }

    @Test
    void a_token_for_another_audience_or_without_one_or_with_an_unknown_or_no_key_id_is_401() throws Exception {
        Merchant m = newMerchant();
        long now = Instant.now().getEpochSecond();
        String kid = SigningKeys.activeKid();
        var key = SigningKeys.activeKey();

        assertThat(get("/api/v1/payments", SigningKeys.sign(claims(m, "[\"" + SigningKeys.AUDIENCE + "\"]", now), key, kid))
                .status()).as("the gateway's own claims, signed here").isEqualTo(200);
        assertProblem(get("/api/v1/payments", SigningKeys.sign(claims(m, "[\"another-api\"]", now), key, kid)), 401, null);
        assertProblem(get("/api/v1/payments", SigningKeys.sign(claims(m, null, now), key, kid)), 401, null);
        assertProblem(get("/api/v1/payments",
                SigningKeys.sign(claims(m, "[\"" + SigningKeys.AUDIENCE + "\"]", now), key, "k-unknown")), 401, null);
        assertProblem(get("/api/v1/payments",
                SigningKeys.sign(claims(m, "[\"" + SigningKeys.AUDIENCE + "\"]", now), key, null)), 401, null);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertProblem(get("/api/v1/payments", SigningKeys.sign(claims(m, "[\"" + SigningKeys.AUDIENCE + "\"]", now),
                generator.generateKeyPair().getPrivate(), kid)), 401, null);
    }

    // -------------------------------------------------------------------------------- helpers

    private static String claims(Merchant m, String aud, long now) {
        return "{\"iss\":\"tillpoint\",\"sub\":\"" + m.clientId() + "\",\"upn\":\"" + m.clientId() + "\""
                + (aud == null ? "" : ",\"aud\":" + aud)
                + ",\"groups\":[\"merchant\"],\"merchant_id\":\"" + m.id() + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** GETs the payments with {@code token} until the status is what {@code done} wants (at most 5 s). */
    private static Reply awaitStatus(String token, IntPredicate done) throws InterruptedException {
        long until = System.currentTimeMillis() + 5000;
        Reply r;
        do {
            r = get("/api/v1/payments", token);
            if (done.test(r.status())) {
                return r;
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < until);
        return r;
    }

    private static long lockoutWindowSeconds() {
        String ms = System.getenv("TILLPOINT_AUTH_LOCKOUT_WINDOW_MS");
        return ms == null ? 300 : (Long.parseLong(ms) + 999) / 1000;
    }

    /** The test server's log, once it mentions {@code text} (log lines can be written late). */
    private static String awaitLog(String text) throws Exception {
        Path log = Path.of(System.getProperty("payara.home"), "glassfish", "domains", "tillpoint-test", "logs", "server.log");
        long until = System.currentTimeMillis() + 10_000;
        String content = "";
        while (System.currentTimeMillis() < until) {
            content = Files.exists(log) ? Files.readString(log) : "";
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(200);
        }
        return content;
    }
}
