package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import io.tillpoint.it.WebhookReceiver.Request;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    private static final String ALL_EVENTS = "[\"payment.authorized\",\"payment.captured\",\"payment.declined\","
            + "\"payment.voided\",\"payment.refunded\",\"payment.in_review\",\"risk.alert\",\"settlement.completed\"]";
    /**
     * Five failed attempts and the sixth (0.2 s doubling in the test domain: about 6 s of waits),
     * with room for a slow machine.
     */
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(60);
    /** {@code TILLPOINT_WEBHOOK_RETRY_MS} of the test domain (ear/pom.xml). */
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);

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

        CardDataSweep sweep = sweepOnceLogged("webhook endpoint " + e.getString("id") + " registered");
        assertThat(sweep.logsHold("webhook endpoint " + e.getString("id") + " registered"))
                .as("the sweep reads the server log").isTrue();
        assertThat(sweep.placesHolding(e.getString("id"))).as("the sweep reads the tables").contains("webhook_endpoint.id");
        assertThat(sweep.placesHolding(e.getString("secret").substring(6))).as("the secret is stored nowhere in clear")
                .isEmpty();
        assertThat(sweep.logsHold(e.getString("secret").substring(6))).as("nor logged").isFalse();
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

    /** The payments of one merchant that make each of five webhook events, six events in all. */
    private static List<String> paymentsWithSixEvents(Merchant m) {
        String manual = post("/api/v1/payments", m.token(), cardPayment(5000, "USD", "manual", VISA)).json().getString("id");
        assertThat(post("/api/v1/payments/" + manual + "/capture", m.token(), null).status()).isEqualTo(200);
        assertThat(post("/api/v1/payments/" + manual + "/refunds", m.token(), "{\"amount\":1000}").status()).isEqualTo(201);
        String voided = post("/api/v1/payments", m.token(), cardPayment(700, "USD", "manual", VISA)).json().getString("id");
        assertThat(post("/api/v1/payments/" + voided + "/void", m.token(), null).status()).isEqualTo(200);
        String declined = post("/api/v1/payments", m.token(), cardPayment(300, "USD", "automatic", "4000000000000002"))
                .json().getString("id");
        return List.of(manual, voided, declined);
    }

    private static List<String> types(List<Request> requests) {
        return requests.stream().map(Request::type).sorted().toList();
    }

    @Test
    void a_receiver_that_fails_five_times_then_succeeds_gets_every_event_and_each_signature_verifies() throws Exception {
        Merchant m = newMerchant();
        try (WebhookReceiver receiver = new WebhookReceiver(5)) {
            JsonObject endpoint = register(m, receiver.url(), ALL_EVENTS, null).json();
            String secret = endpoint.getString("secret");

            List<String> payments = paymentsWithSixEvents(m);
            List<Request> all = receiver.awaitRequests(r -> r.stream().filter(q -> q.answered() == 200).count() >= 6,
                    DELIVERED_WITHIN);

            List<Request> delivered = all.stream().filter(r -> r.answered() == 200).toList();
            assertThat(types(delivered)).containsExactly("payment.authorized", "payment.authorized", "payment.captured",
                    "payment.declined", "payment.refunded", "payment.voided");
            assertThat(receiver.processedEvents()).hasSize(6);
            for (Request r : all) {
                assertThat(r.signatures()).as("one secret, one signature").hasSize(1);
                assertThat(r.signedWith(secret, r.signatures().get(0))).as("signature of " + r.type()).isTrue();
                assertThat(Math.abs(r.signedAt() - r.at().getEpochSecond())).as("signed when sent").isLessThanOrEqualTo(5);
                assertThat(r.header("Tillpoint-Event-Id")).isEqualTo(r.eventId());
                assertThat(r.json().keySet()).containsExactly("id", "type", "created_at", "data");
                assertThat(payments).contains(r.json().getJsonObject("data").getString("id"));
                assertThat(r.body()).doesNotContain("internal").doesNotContain("card_fingerprint\":\"i");
            }
            JsonObject refunded = delivered.stream().filter(r -> r.type().equals("payment.refunded")).findFirst()
                    .orElseThrow().json();
            assertThat(refunded.getJsonObject("data")).as("the payment exactly as the API shows it")
                    .isEqualTo(get("/api/v1/payments/" + payments.get(0), m.token()).json());

            List<JsonObject> log = awaitLog(m, endpoint.getString("id"), 6);
            assertThat(log).hasSize(6);
            for (JsonObject d : log) {
                assertThat(d.getString("status")).isEqualTo("succeeded");
                assertThat(d.getInt("attempts")).as("five failures, then the delivery").isEqualTo(6);
                assertThat(d.getInt("last_response_status")).isEqualTo(200);
                assertThat(receiver.requestsFor(d.getString("event_id"))).as("no POST after the 2xx").hasSize(6)
                        .extracting(Request::answered).containsExactly(500, 500, 500, 500, 500, 200);
            }
            for (JsonObject d : log) {
                List<Instant> attempts = receiver.requestsFor(d.getString("event_id")).stream().map(Request::at).toList();
                for (int i = 1; i < attempts.size(); i++) {
                    Duration wait = FIRST_RETRY.multipliedBy(1L << (i - 1));
                    assertThat(Duration.between(attempts.get(i - 1), attempts.get(i)))
                            .as("attempt " + (i + 1) + " waited the doubled backoff").isGreaterThan(wait.minusMillis(20));
                }
            }
        }
    }

    @Test
    void an_event_handed_over_again_or_redelivered_is_processed_once_by_its_id() throws Exception {
        Merchant m = newMerchant();
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String endpoint = register(m, receiver.url(), "[\"payment.captured\"]", null).json().getString("id");
            post("/api/v1/payments", m.token(), cardPayment(1200, "USD", "automatic", VISA));
            Request first = receiver.awaitRequests(r -> r.size() >= 1, DELIVERED_WITHIN).get(0);
            JsonObject delivery = awaitLog(m, endpoint, 1).get(0);

            // The relay hands the same event over again (as after a broker failover): same id, new row.
            Database.update("insert into domain_event_outbox (id, type, merchant_id, subject_id, created_at, data, internal,"
                    + " destination) values (?, 'payment.captured', ?, ?, now(), ?, '{}', 'tillpoint_webhooks')",
                    first.eventId(), m.id(), first.json().getJsonObject("data").getString("id"),
                    first.json().getJsonObject("data").toString());
            // And the merchant asks for it once more.
            Reply again = post("/api/v1/webhook-deliveries/" + delivery.getString("id") + "/redeliver", m.token(), null);
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            assertThat(again.json().getString("redelivery_of")).isEqualTo(delivery.getString("id"));
            // A later event, so that the handed-over one has been consumed by the time it arrives.
            post("/api/v1/payments", m.token(), cardPayment(1300, "USD", "automatic", VISA));
            receiver.awaitRequests(r -> r.size() >= 3, DELIVERED_WITHIN);
            awaitOutboxEmpty(m);

            assertThat(receiver.requestsFor(first.eventId())).as("the first delivery and the redelivery").hasSize(2)
                    .extracting(r -> r.header("Tillpoint-Delivery-Id"))
                    .containsExactly(delivery.getString("id"), again.json().getString("id"));
            assertThat(receiver.requestsFor(first.eventId()).get(1).body()).isEqualTo(first.body());
            assertThat(receiver.processedEvents()).hasSize(2).contains(first.eventId());
            assertThat(Database.count("select count(*) from webhook_delivery where event_id = ? and redelivery_of is null",
                    first.eventId())).as("the event handed over again made no delivery").isEqualTo(1);
            assertThat(awaitLog(m, endpoint, 3)).hasSize(3);
        }
    }

    @Test
    void after_a_rotation_every_delivery_carries_the_new_and_the_old_signature() throws Exception {
        Merchant m = newMerchant();
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            JsonObject endpoint = register(m, receiver.url(), "[\"payment.captured\"]", null).json();
            String oldSecret = endpoint.getString("secret");
            String newSecret = post(ENDPOINTS + "/" + endpoint.getString("id") + "/rotate-secret", m.token(), null).json()
                    .getString("secret");

            post("/api/v1/payments", m.token(), cardPayment(1500, "USD", "automatic", VISA));
            Request r = receiver.awaitRequests(q -> q.size() >= 1, DELIVERED_WITHIN).get(0);

            assertThat(r.header("Tillpoint-Signature")).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
            assertThat(r.signedWith(newSecret, r.signatures().get(0))).as("the new secret's first").isTrue();
            assertThat(r.signedWith(oldSecret, r.signatures().get(1))).as("the old one's still").isTrue();
            assertThat(r.signedWith(oldSecret, r.signatures().get(0))).isFalse();
        }
    }

    /**
     * Commit to first POST on an idle gateway, printed (not asserted): from the moment each payment
     * was asked for (so it includes the payment's own work: an upper bound) to its event's first
     * POST at the receiver.
     */
    @Test
    void the_first_post_follows_the_payment_within_a_second_printed() throws Exception {
        Merchant m = newMerchant();
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            register(m, receiver.url(), "[\"payment.captured\"]", null);
            Map<String, Instant> askedAt = new java.util.HashMap<>();
            int payments = 40;
            for (int i = 0; i < payments; i++) {
                Instant asked = Instant.now();
                String id = post("/api/v1/payments", m.token(), cardPayment(100 + i, "USD", "automatic", VISA)).json()
                        .getString("id");
                askedAt.put(id, asked);
                receiver.awaitRequests(r -> r.size() >= askedAt.size(), DELIVERED_WITHIN);
            }
            List<Long> micros = new ArrayList<>();
            for (Request r : receiver.requests()) {
                Instant asked = askedAt.get(r.json().getJsonObject("data").getString("id"));
                micros.add(Duration.between(asked, r.at()).toNanos() / 1000);
            }
            micros.sort(Comparator.naturalOrder());
            assertThat(micros).hasSize(payments);
            System.out.printf("webhook latency, payment asked -> first POST received, %d payments one at a time:"
                    + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", payments,
                    micros.get(payments / 2) / 1000.0, micros.get(payments * 9 / 10) / 1000.0,
                    micros.get(Math.min(payments - 1, payments * 99 / 100)) / 1000.0, micros.get(payments - 1) / 1000.0);
        }
    }

    /** The endpoint's delivery log once it holds {@code count} deliveries, all no longer pending. */
    private static List<JsonObject> awaitLog(Merchant m, String endpointId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERED_WITHIN);
        while (true) {
            Reply r = get(ENDPOINTS + "/" + endpointId + "/deliveries?limit=100", m.token());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<JsonObject> log = r.json().getJsonArray("data").getValuesAs(JsonObject.class);
            boolean settled = log.size() >= count && log.stream().noneMatch(d -> d.getString("status").equals("pending"));
            if (settled || Instant.now().isAfter(deadline)) {
                return log;
            }
            Thread.sleep(100);
        }
    }

    /** The database and the server log, once the log holds {@code line} (log records can be written late). */
    private static CardDataSweep sweepOnceLogged(String line) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        CardDataSweep sweep = CardDataSweep.now();
        while (!sweep.logsHold(line) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            sweep = CardDataSweep.now();
        }
        return sweep;
    }

    private static void awaitOutboxEmpty(Merchant m) throws Exception {
        Instant deadline = Instant.now().plus(DELIVERED_WITHIN);
        while (Database.count("select count(*) from domain_event_outbox where merchant_id = ?", m.id()) > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }
}
