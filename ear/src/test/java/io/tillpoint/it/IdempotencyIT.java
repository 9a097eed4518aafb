package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Idempotency-Key as the contract says, and what concurrency may and may not do. */
@ExtendWith(ArquillianExtension.class)
class IdempotencyIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_response_byte_for_byte() {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        String body = cardPayment(2500, "USD", "automatic", VISA);
        Reply first = post("/api/v1/payments", m.token(), body, key);
        Reply second = post("/api/v1/payments", m.token(), body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(get("/api/v1/payments", m.token()).json().getJsonArray("data")).hasSize(1);
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        post("/api/v1/payments", m.token(), cardPayment(2500, "USD", "automatic", VISA), key);
        Reply other = post("/api/v1/payments", m.token(), cardPayment(2600, "USD", "automatic", VISA), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().getString("code")).isEqualTo("idempotency_key_reused");
    }

    @Test
    void keys_belong_to_one_merchant_and_are_at_most_255_characters() {
        Merchant a = newMerchant();
        Merchant b = newMerchant();
        String key = UUID.randomUUID().toString();
        String body = cardPayment(100, "USD", "automatic", VISA);
        String idA = post("/api/v1/payments", a.token(), body, key).json().getString("id");
        Reply forB = post("/api/v1/payments", b.token(), body, key);
        assertThat(forB.header("Idempotent-Replayed")).isNull();
        assertThat(forB.json().getString("id")).isNotEqualTo(idA);

        Reply tooLong = post("/api/v1/payments", a.token(), body, "k".repeat(256));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().getString("param")).isEqualTo("Idempotency-Key");
        assertThat(post("/api/v1/payments", a.token(), body, "k".repeat(255)).status()).isEqualTo(201);
    }

    @Test
    void failures_are_replayed_too_and_every_post_honours_the_key() {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        Reply bad = post("/api/v1/payments", m.token(), "{\"amount\":0,\"currency\":\"USD\"}", key);
        Reply again = post("/api/v1/payments", m.token(), "{\"amount\":0,\"currency\":\"USD\"}", key);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(bad.body());

        String id = post("/api/v1/payments", m.token(), cardPayment(800, "USD", "manual", VISA)).json().getString("id");
        String captureKey = UUID.randomUUID().toString();
        Reply capture = post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":500}", captureKey);
        Reply captureRetry = post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":500}", captureKey);
        assertThat(capture.status()).isEqualTo(200);
        assertThat(captureRetry.status()).isEqualTo(200);
        assertThat(captureRetry.body()).isEqualTo(capture.body());

        String refundKey = UUID.randomUUID().toString();
        Reply refund = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":100}", refundKey);
        Reply refundRetry = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":100}", refundKey);
        assertThat(refundRetry.body()).isEqualTo(refund.body());
        assertThat(get("/api/v1/payments/" + id, m.token()).json().getJsonNumber("amount_refunded").longValue()).isEqualTo(100);
    }

    @Test
    void a_refused_payment_keeps_its_key_so_a_corrected_body_needs_a_new_key() {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        Reply refused = post("/api/v1/payments", m.token(), "{\"amount\":-5,\"currency\":\"USD\"}", key);
        Reply corrected = post("/api/v1/payments", m.token(), cardPayment(500, "USD", "automatic", VISA), key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).isEqualTo(422);
        assertThat(corrected.json().getString("code")).isEqualTo("idempotency_key_reused");
        assertThat(get("/api/v1/payments?limit=10", m.token()).json().getJsonArray("data")).isEmpty();
        Reply withNewKey = post("/api/v1/payments", m.token(), cardPayment(500, "USD", "automatic", VISA),
                UUID.randomUUID().toString());
        assertThat(withNewKey.status()).isEqualTo(201);
    }

    @Test
    void twenty_concurrent_requests_with_one_key_make_exactly_one_payment() throws Exception {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        String body = cardPayment(4321, "USD", "automatic", VISA);
        List<Reply> replies = concurrently(20, () -> post("/api/v1/payments", m.token(), body, key));

        List<Reply> created = replies.stream().filter(r -> r.status() == 201).toList();
        List<Reply> inProgress = replies.stream().filter(r -> r.status() == 409).toList();
        assertThat(created.size() + inProgress.size()).as("every reply is a 201 or a 409").isEqualTo(20);
        assertThat(created.stream().filter(r -> r.header("Idempotent-Replayed") == null)).hasSize(1);
        assertThat(created.stream().map(Reply::body).distinct()).hasSize(1);
        inProgress.forEach(r -> assertThat(r.json().getString("code")).isEqualTo("idempotency_in_progress"));

        // One payment means one acquirer call: a payment is recorded before its one authorization.
        assertThat(get("/api/v1/payments?limit=100", m.token()).json().getJsonArray("data")).hasSize(1);
        Reply after = post("/api/v1/payments", m.token(), body, key);
        assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(after.body()).isEqualTo(created.get(0).body());
        String id = created.get(0).json().getString("id");
        assertThat(Database.count("select count(*) from payment where merchant_id = ?", m.id())).isEqualTo(1);
        // Automatic capture: one capture journal, no hold (see Payment.approveAndCapture).
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ?", id)).isEqualTo(1);
    }

    @Test
    void concurrent_captures_of_one_payment_capture_once() throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(9000, "USD", "manual", VISA)).json().getString("id");
        List<Reply> replies = concurrently(10, () -> post("/api/v1/payments/" + id + "/capture", m.token(), null));

        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() == 409)).hasSize(9);
        assertThat(get("/api/v1/payments/" + id, m.token()).json().getJsonNumber("amount_captured").longValue()).isEqualTo(9000);
        assertThat(get("/api/v1/admin/ledger/check", platformToken()).json().getBoolean("balanced")).isTrue();
    }

    @Test
    void concurrent_refunds_refund_exactly_what_fits_and_each_one_once() throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(1000, "USD", "automatic", VISA)).json().getString("id");
        // Ten clients refund 300 each at once; like good clients, they retry a 409 concurrent_update
        // until they get a final answer. 1000 holds three refunds of 300: three succeed, seven are
        // refused as too large, and what was refunded is exactly what the three answers say.
        List<Reply> replies = concurrently(10, () -> {
            for (int attempt = 0; attempt < 50; attempt++) {
                Reply r = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":300}");
                if (r.status() != 409) {
                    return r;
                }
                assertThat(r.json().getString("code")).isEqualTo("concurrent_update");
            }
            throw new AssertionError("a refund kept meeting a concurrent update");
        });

        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(3);
        List<Reply> refused = replies.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(7);
        refused.forEach(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().getString("code")).isEqualTo("amount_too_large");
        });
        assertThat(get("/api/v1/payments/" + id, m.token()).json().getJsonNumber("amount_refunded").longValue())
                .isEqualTo(900);
        assertThat(get("/api/v1/payments/" + id + "/refunds", m.token()).json().getJsonArray("data")).hasSize(3);
        assertThat(Database.count("select coalesce(sum(p.amount), 0) from ledger_posting p join ledger_journal j"
                + " on j.id = p.journal_id where j.payment_id = ? and j.type = 'REFUND' and p.amount > 0", id))
                .isEqualTo(900);
        assertThat(get("/api/v1/admin/ledger/check", platformToken()).json().getBoolean("balanced")).isTrue();
    }

    @Test
    void a_merchant_secret_is_shown_once_even_to_a_replay() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Replay " + key + "\",\"country\":\"DE\",\"default_currency\":\"EUR\","
                + "\"pricing\":{\"percent_bps\":150,\"fixed\":25}}";
        Reply first = post("/api/v1/admin/merchants", platformToken(), body, key);
        Reply replay = post("/api/v1/admin/merchants", platformToken(), body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getString("client_secret")).startsWith("sk_");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(isNull(replay.json(), "client_secret")).isTrue();
        assertThat(Database.placesHolding(first.json().getString("client_secret"))).isEmpty();
    }

    @Test
    void the_purge_job_deletes_keys_past_their_retention_and_keeps_younger_ones() throws Exception {
        Merchant m = newMerchant();
        String youngKey = UUID.randomUUID().toString();
        String oldKey = UUID.randomUUID().toString();
        String body = cardPayment(150, "USD", "automatic", VISA);
        Reply young = post("/api/v1/payments", m.token(), body, youngKey);
        Reply old = post("/api/v1/payments", m.token(), body, oldKey);
        assertThat(Database.update("update idempotency_record set created_at = now() - interval '30 hours'"
                + " where owner_id = ? and idem_key = ?", m.id(), oldKey)).isEqualTo(1);

        long execution = purge("{\"retention_hours\":24}").getJsonNumber("execution_id").longValue();

        // The job repository is the gateway's own database: the run and its step are recorded there.
        assertThat(Database.count("select count(*) from executioninstancedata where jobexecid = ?"
                + " and batchstatus = 'COMPLETED'", execution)).isEqualTo(1);
        assertThat(Database.count("select count(*) from stepexecutioninstancedata where jobexecid = ?", execution))
                .isEqualTo(1);

        assertThat(Database.count("select count(*) from idempotency_record where owner_id = ? and idem_key = ?",
                m.id(), oldKey)).isZero();
        Reply replay = post("/api/v1/payments", m.token(), body, youngKey);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(young.body());
        Reply afterPurge = post("/api/v1/payments", m.token(), body, oldKey);
        assertThat(afterPurge.status()).isEqualTo(201);
        assertThat(afterPurge.header("Idempotent-Replayed")).as("its key was forgotten").isNull();
        assertThat(afterPurge.json().getString("id")).isNotEqualTo(old.json().getString("id"));

        assertThat(post("/api/v1/admin/jobs/idempotency-purge", platformToken(), "{\"retention_hours\":1}").status())
                .isEqualTo(400);
    }

    @Test
    void a_job_start_retried_with_its_key_replays_the_request_and_starts_one_job() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"retention_hours\":200}";

        Reply first = post("/api/v1/admin/jobs/idempotency-purge", platformToken(), body, key);
        Reply retry = post("/api/v1/admin/jobs/idempotency-purge", platformToken(), body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().getString("status")).isEqualTo("requested");
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        String requestId = first.json().getString("id");
        assertThat(Database.count("select count(*) from job_request where id = ?", requestId)).isEqualTo(1);
        assertThat(Database.count("select count(*) from job_request where parameters ->> 'retention_hours' = '200'"))
                .as("one request for the key").isEqualTo(1);
    }

    @Test
    void a_job_request_its_instance_did_not_start_is_started_by_the_sweep() throws Exception {
        // What an instance that died right after committing the request leaves behind.
        String requestId = "jrq_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Database.update("insert into job_request (id, job, parameters, requested_by, requested_at)"
                + " values (?, 'idempotency-purge', '{\"retention_hours\":\"300\"}', 'platform', now() - interval '1 minute')",
                requestId);

        JsonObject request = get("/api/v1/admin/jobs/requests/" + requestId, platformToken()).json();
        for (int i = 0; i < 60 && request.getString("status").equals("requested"); i++) {
            Thread.sleep(500);
            request = get("/api/v1/admin/jobs/requests/" + requestId, platformToken()).json();
        }

        assertThat(request.getString("status")).as(request.toString()).isNotEqualTo("requested");
        long execution = request.getJsonNumber("execution_id").longValue();
        assertThat(Database.count("select count(*) from executioninstancedata where jobexecid = ?", execution))
                .as("the execution it names").isEqualTo(1);
    }

    /** Runs the purge job and waits until it completed; its request as last read. */
    private static JsonObject purge(String body) throws InterruptedException {
        JsonObject request = runJob("idempotency-purge", body);
        assertThat(request.getString("status")).isEqualTo("completed");
        return request;
    }

    private static List<Reply> concurrently(int n, java.util.concurrent.Callable<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
