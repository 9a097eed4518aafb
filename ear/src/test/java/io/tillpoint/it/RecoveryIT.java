package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: unknown outcomes are resolved by recovery, never guessed and never left behind, and
 * a key follows its payment. The test domain runs with an acquirer timeout of 1 s and a
 * recovery delay of 4 s (ear/pom.xml), so each case resolves within seconds.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

    static final String ANSWER_LOST = "4000000000001018";
    static final String REQUEST_LOST = "4000000000001026";
    static final String REFUNDS_REFUSED = "4000000000005126";
    static final String OPERATION_ANSWERS_LOST = "4000000000001034";
    /** The recovery delay plus the acquirer timeout, the schedule's interval and room for a slow machine. */
    static final Duration RESOLVED_WITHIN = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    @Test
    void an_approval_whose_answer_was_lost_is_found_by_recovery_and_the_key_then_replays_the_captured_payment()
            throws Exception {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        String body = cardPayment(4200, "USD", "automatic", ANSWER_LOST);

        Reply first = post("/api/v1/payments", m.token(), body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getString("status")).isEqualTo("processing");
        String id = first.json().getString("id");
        Reply meanwhile = post("/api/v1/payments", m.token(), body, key);
        assertThat(meanwhile.status()).as("the outcome is truly unknown").isEqualTo(409);
        assertThat(meanwhile.json().getString("code")).isEqualTo("idempotency_in_progress");

        JsonObject resolved = awaitStatusOtherThan("processing", id, m);

        assertThat(resolved.getString("status")).isEqualTo("captured");
        assertThat(resolved.getJsonNumber("amount_captured").longValue()).isEqualTo(4200);
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ? and type = 'CAPTURE'", id))
                .isEqualTo(1);
        assertThat(Database.count("select count(*) from acquirer_follow_up where payment_id = ?", id)).isZero();
        Reply retry = post("/api/v1/payments", m.token(), body, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().getString("id")).isEqualTo(id);
        assertThat(retry.json().getString("status")).isEqualTo("captured");
        assertThat(Database.count("select count(*) from payment where merchant_id = ?", m.id()))
                .as("no retry created a second payment").isEqualTo(1);
    }

    @Test
    void a_manual_capture_payment_whose_answer_was_lost_is_authorized_not_captured() throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(900, "USD", "manual", ANSWER_LOST)).json()
                .getString("id");

        JsonObject resolved = awaitStatusOtherThan("processing", id, m);

        assertThat(resolved.getString("status")).isEqualTo("authorized");
        assertThat(resolved.getJsonNumber("amount_capturable").longValue()).isEqualTo(900);
        assertThat(resolved.getJsonNumber("amount_captured").longValue()).isZero();
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ? and type"
                + " = 'AUTHORIZATION_HOLD'", id)).isEqualTo(1);
    }

    @Test
    void a_request_that_never_reached_the_acquirer_is_declined_with_processing_error_and_reversed() throws Exception {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        String body = cardPayment(1300, "USD", "automatic", REQUEST_LOST);
        Reply first = post("/api/v1/payments", m.token(), body, key);
        assertThat(first.json().getString("status")).isEqualTo("processing");
        String id = first.json().getString("id");

        JsonObject resolved = awaitStatusOtherThan("processing", id, m);

        assertThat(resolved.getString("status")).isEqualTo("declined");
        assertThat(resolved.getString("decline_code")).isEqualTo("processing_error");
        assertThat(sandboxRecords(id, "REVERSAL")).as("a reversal was sent").isEqualTo(1);
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ?", id)).isZero();
        Reply retry = post("/api/v1/payments", m.token(), body, key);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().getString("status")).isEqualTo("declined");
        assertThat(retry.json().getString("id")).isEqualTo(id);
    }

    @Test
    void a_refund_the_acquirer_refuses_fails_and_refunds_nothing() throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(5000, "USD", "automatic", REFUNDS_REFUSED)).json()
                .getString("id");

        Reply refund = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":1500}");

        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.json().getString("status")).isEqualTo("failed");
        assertThat(refund.json().getString("failure_code")).isEqualTo("refund_declined");
        JsonObject payment = get("/api/v1/payments/" + id, m.token()).json();
        assertThat(payment.getString("status")).isEqualTo("captured");
        assertThat(payment.getJsonNumber("amount_refunded").longValue()).isZero();
        assertThat(get("/api/v1/payments/" + id + "/refunds", m.token()).json().getJsonArray("data").getJsonObject(0)
                .getString("status")).isEqualTo("failed");
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ? and type = 'REFUND'", id))
                .isZero();
        assertThat(Database.count("select count(*) from acquirer_follow_up where payment_id = ?", id)).isZero();
    }

    @Test
    void a_refund_the_acquirer_acknowledges_succeeds_with_its_journal_and_its_key_replays_it() throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(5000, "USD", "automatic", VISA)).json()
                .getString("id");
        String key = UUID.randomUUID().toString();

        Reply refund = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":1500}", key);
        Reply replay = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":1500}", key);

        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.json().getString("status")).isEqualTo("succeeded");
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(refund.body());
        assertThat(get("/api/v1/payments/" + id, m.token()).json().getJsonNumber("amount_refunded").longValue())
                .isEqualTo(1500);
        assertThat(Database.count("select count(*) from refund where payment_id = ?", id)).isEqualTo(1);
        assertThat(sandboxRecords(id, "REFUND")).as("the refund reached the acquirer").isEqualTo(1);
    }

    @Test
    void a_capture_and_a_void_reach_the_acquirer_and_a_keyed_capture_replays_its_answer() throws Exception {
        Merchant m = newMerchant();
        String captured = post("/api/v1/payments", m.token(), cardPayment(3000, "USD", "manual", VISA)).json()
                .getString("id");
        String voided = post("/api/v1/payments", m.token(), cardPayment(3000, "USD", "manual", VISA)).json()
                .getString("id");
        String key = UUID.randomUUID().toString();

        Reply capture = post("/api/v1/payments/" + captured + "/capture", m.token(), "{\"amount\":2000}", key);
        Reply replay = post("/api/v1/payments/" + captured + "/capture", m.token(), "{\"amount\":2000}", key);
        Reply voidReply = post("/api/v1/payments/" + voided + "/void", m.token(), null);

        assertThat(capture.status()).isEqualTo(200);
        assertThat(capture.json().getString("status")).isEqualTo("captured");
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(capture.body());
        assertThat(voidReply.json().getString("status")).isEqualTo("voided");
        assertThat(sandboxRecords(captured, "CAPTURE")).isEqualTo(1);
        assertThat(sandboxRecords(voided, "VOID")).isEqualTo(1);
        assertThat(Database.count("select count(*) from acquirer_follow_up where payment_id in (?, ?)", captured,
                voided)).isZero();
    }

    @Test
    void a_capture_whose_answer_was_lost_answers_202_and_recovery_resends_it_until_the_payment_is_captured()
            throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(3000, "USD", "manual", OPERATION_ANSWERS_LOST))
                .json().getString("id");
        String key = UUID.randomUUID().toString();

        Reply capture = post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":2000}", key);

        assertThat(capture.status()).isEqualTo(202);
        assertThat(capture.json().getString("status")).as("unchanged while the answer is unknown").isEqualTo("authorized");
        Reply meanwhile = post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":2000}", key);
        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.json().getString("code")).isEqualTo("idempotency_in_progress");
        JsonObject resolved = awaitStatusOtherThan("authorized", id, m);
        assertThat(resolved.getString("status")).isEqualTo("captured");
        assertThat(resolved.getJsonNumber("amount_captured").longValue()).isEqualTo(2000);
        assertThat(sandboxRecords(id, "CAPTURE")).as("captured once, the resend got the answer on record").isEqualTo(1);
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ? and type = 'CAPTURE'", id))
                .isEqualTo(1);
        assertThat(Database.count("select count(*) from acquirer_follow_up where payment_id = ?", id)).isZero();
        Reply retry = post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":2000}", key);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().getString("status")).isEqualTo("captured");
    }

    @Test
    void a_void_whose_answer_was_lost_is_voided_by_recovery() throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(3000, "USD", "manual", OPERATION_ANSWERS_LOST))
                .json().getString("id");

        Reply voidReply = post("/api/v1/payments/" + id + "/void", m.token(), null);

        assertThat(voidReply.status()).isEqualTo(202);
        assertThat(awaitStatusOtherThan("authorized", id, m).getString("status")).isEqualTo("voided");
        assertThat(sandboxRecords(id, "VOID")).isEqualTo(1);
        assertThat(Database.count("select count(*) from acquirer_follow_up where payment_id = ?", id)).isZero();
    }

    @Test
    void a_refund_whose_answer_was_lost_is_pending_until_recovery_learns_it_succeeded() throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(5000, "USD", "automatic", OPERATION_ANSWERS_LOST))
                .json().getString("id");

        Reply refund = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":1500}");

        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.json().getString("status")).isEqualTo("pending");
        assertThat(get("/api/v1/payments/" + id, m.token()).json().getJsonNumber("amount_refunded").longValue())
                .as("nothing refunded while the answer is unknown").isZero();
        long deadline = System.nanoTime() + RESOLVED_WITHIN.toNanos();
        String status = "pending";
        while (status.equals("pending") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = get("/api/v1/payments/" + id + "/refunds", m.token()).json().getJsonArray("data")
                    .getJsonObject(0).getString("status");
        }
        assertThat(status).isEqualTo("succeeded");
        assertThat(get("/api/v1/payments/" + id, m.token()).json().getJsonNumber("amount_refunded").longValue())
                .isEqualTo(1500);
        assertThat(sandboxRecords(id, "REFUND")).isEqualTo(1);
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ? and type = 'REFUND'", id))
                .isEqualTo(1);
    }

    @Test
    void the_purge_keeps_a_key_whose_payment_is_unresolved_and_forgets_an_old_resolved_one() throws Exception {
        Merchant m = newMerchant();
        String unresolvedKey = UUID.randomUUID().toString();
        String resolvedKey = UUID.randomUUID().toString();
        String body = cardPayment(700, "USD", "automatic", ANSWER_LOST);
        String id = post("/api/v1/payments", m.token(), body, unresolvedKey).json().getString("id");
        // Recovery must not resolve it while the purge runs: its follow-up is due only later.
        assertThat(Database.update("update acquirer_follow_up set due_at = now() + interval '1 hour'"
                + " where payment_id = ?", id)).isEqualTo(1);
        post("/api/v1/payments", m.token(), cardPayment(700, "USD", "automatic", VISA), resolvedKey);
        assertThat(Database.update("update idempotency_record set created_at = now() - interval '30 hours'"
                + " where owner_id = ?", m.id())).isEqualTo(2);

        purge();

        assertThat(Database.count("select count(*) from idempotency_record where owner_id = ? and idem_key = ?",
                m.id(), unresolvedKey)).isEqualTo(1);
        assertThat(Database.count("select count(*) from idempotency_record where owner_id = ? and idem_key = ?",
                m.id(), resolvedKey)).isZero();
        assertThat(Database.update("update acquirer_follow_up set due_at = now() where payment_id = ?", id))
                .isEqualTo(1);
        assertThat(awaitStatusOtherThan("processing", id, m).getString("status")).isEqualTo("captured");
        Reply retry = post("/api/v1/payments", m.token(), body, unresolvedKey);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().getString("id")).isEqualTo(id);
    }

    @Test
    void recovery_can_be_started_by_an_operator_and_is_a_batch_job_of_the_gateway() {
        Reply started = post("/api/v1/admin/jobs/payment-recovery", platformToken(), null);

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().getString("job")).isEqualTo("payment-recovery");
    }

    private static JsonObject awaitStatusOtherThan(String status, String id, Merchant m) throws InterruptedException {
        long deadline = System.nanoTime() + RESOLVED_WITHIN.toNanos();
        JsonObject payment = get("/api/v1/payments/" + id, m.token()).json();
        while (payment.getString("status").equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            payment = get("/api/v1/payments/" + id, m.token()).json();
        }
        assertThat(payment.getString("status")).as("resolved within " + RESOLVED_WITHIN).isNotEqualTo(status);
        return payment;
    }

    /** The sandbox's records of {@code kind} for the payment, once its journal is written (every 50 ms). */
    private static long sandboxRecords(String paymentId, String kind) throws Exception {
        String sql = "select count(*) from sandbox_acquirer_record where payment_id = ? and kind = ?";
        for (int i = 0; i < 20 && Database.count(sql, paymentId, kind) == 0; i++) {
            Thread.sleep(100);
        }
        return Database.count(sql, paymentId, kind);
    }

    private static void purge() throws InterruptedException {
        assertThat(runJob("idempotency-purge", "{\"retention_hours\":24}").getString("status")).isEqualTo("completed");
    }
}
