package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, webhooks (contract, "Webhooks"): endpoints per merchant with a secret shown once and
 * kept only sealed, deliveries from the webhook queue to a receiver in this JVM, signed, retried,
 * logged and redelivered, and secret rotation. The test domain allows private addresses
 * ({@code TILLPOINT_WEBHOOK_ALLOW_PRIVATE=true}, ear/pom.xml), so that the receiver on 127.0.0.1
 * can be reached; what is refused without the setting is in {@code AddressRulesTest}.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    private static Reply register(Merchant m, String url, String events, String key) {
        return post(ENDPOINTS, m.token(), "{\"url\":\"" + url + "\",\"events\":" + events + "}", key);
    }

    @Test
    void an_endpoint_is_registered_with_a_secret_shown_once_and_kept_only_sealed() throws Exception {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();

        Reply created = register(m, "http://127.0.0.1:9/hooks", "[\"payment.captured\",\"payment.refunded\"]", key);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject e = created.json();
        assertThat(e.getString("id")).startsWith("we_");
        assertThat(e.getString("secret")).matches("whsec_[0-9A-Za-z]{32}");
        assertThat(e.getString("url")).isEqualTo("http://127.0.0.1:9/hooks");
        assertThat(e.getJsonArray("events").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("payment.captured", "payment.refunded");
        assertThat(created.header("Location")).endsWith(ENDPOINTS + "/" + e.getString("id"));
        assertThat(created.header("Cache-Control")).contains("no-store");

        Reply replay = register(m, "http://127.0.0.1:9/hooks", "[\"payment.captured\",\"payment.refunded\"]", key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().getString("id")).isEqualTo(e.getString("id"));
        assertThat(isNull(replay.json(), "secret")).as("a replay never shows the secret again").isTrue();

        assertThat(Database.placesHolding(e.getString("secret"))).as("the secret is stored nowhere in clear").isEmpty();
        assertThat(Database.placesHolding(e.getString("secret").substring(6))).isEmpty();
        assertThat(Database.count("select count(*) from webhook_endpoint where merchant_id = ?", m.id())).isEqualTo(1);

        Reply one = get(ENDPOINTS + "/" + e.getString("id"), m.token());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().containsKey("secret")).isFalse();
        Reply list = get(ENDPOINTS, m.token());
        assertThat(list.json().getJsonArray("data")).hasSize(1);
        assertThat(list.json().getJsonArray("data").getJsonObject(0).getString("id")).isEqualTo(e.getString("id"));
    }

    @Test
    void another_merchants_endpoint_and_its_deliveries_are_not_found() {
        Merchant owner = newMerchant();
        Merchant other = newMerchant();
        String id = register(owner, "http://127.0.0.1:9/h", "[\"payment.captured\"]", null).json().getString("id");

        assertThat(get(ENDPOINTS + "/" + id, other.token()).status()).isEqualTo(404);
        assertThat(get(ENDPOINTS + "/" + id + "/deliveries", other.token()).status()).isEqualTo(404);
        assertThat(post(ENDPOINTS + "/" + id + "/rotate-secret", other.token(), null).status()).isEqualTo(404);
        assertThat(get(ENDPOINTS, other.token()).json().getJsonArray("data")).isEmpty();
        assertThat(post("/api/v1/webhook-deliveries/whd_0000000000000000000000/redeliver", other.token(), null).status())
                .isEqualTo(404);
        assertThat(get(ENDPOINTS + "/pay_123", owner.token()).status()).isEqualTo(404);
    }

    @Test
    void a_url_that_no_webhook_may_reach_or_that_carries_credentials_is_a_400_on_url() throws Exception {
        Merchant m = newMerchant();

        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
                "http://0.0.0.0:8080/", "https://user:pass@hooks.example.com/", "ftp://hooks.example.com/",
                "https://nowhere.invalid/hooks")) {
            Reply r = register(m, url, "[\"payment.captured\"]", null);
            assertThat(r.status()).as(url + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().getString("param")).as(url).isEqualTo("url");
        }
        assertThat(register(m, "http://169.254.169.254/", "[\"payment.captured\"]", null).json().getString("detail"))
                .contains("metadata").doesNotContain("169.254");
        Reply internal = register(m, "http://127.0.0.1:9/h", "[\"payment.processing\"]", null);
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.json().getString("param")).isEqualTo("events");
        assertThat(register(m, "http://127.0.0.1:9/h", "[]", null).json().getString("param")).isEqualTo("events");
        assertThat(Database.count("select count(*) from webhook_endpoint where merchant_id = ?", m.id())).isZero();
    }

    @Test
    void a_rotation_shows_the_new_secret_once_and_keeps_the_old_one_signing_for_24_hours() throws Exception {
        Merchant m = newMerchant();
        JsonObject e = register(m, "http://127.0.0.1:9/h", "[\"payment.captured\"]", null).json();
        String key = UUID.randomUUID().toString();

        Reply rotated = post(ENDPOINTS + "/" + e.getString("id") + "/rotate-secret", m.token(), null, key);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String secret = rotated.json().getString("secret");
        assertThat(secret).matches("whsec_[0-9A-Za-z]{32}").isNotEqualTo(e.getString("secret"));
        assertThat(rotated.json().getInt("secret_version")).isEqualTo(2);
        assertThat(rotated.json().getString("previous_secret_expires_at")).isNotNull();
        Reply replay = post(ENDPOINTS + "/" + e.getString("id") + "/rotate-secret", m.token(), null, key);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(isNull(replay.json(), "secret")).isTrue();
        assertThat(get(ENDPOINTS + "/" + e.getString("id"), m.token()).json().getInt("secret_version"))
                .as("the replay rotated nothing").isEqualTo(2);
        assertThat(Database.placesHolding(secret)).isEmpty();
    }
}
