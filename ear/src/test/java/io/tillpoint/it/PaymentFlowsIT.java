package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The payment lifecycle over REST, on the real EAR in Payara Server. */
@ExtendWith(ArquillianExtension.class)
class PaymentFlowsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    @Test
    void an_automatic_capture_card_payment_is_captured_and_shows_only_the_masked_card() {
        Merchant m = newMerchant();
        Reply r = post("/api/v1/payments", m.token(), cardPayment(1999, "USD", "automatic", VISA));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).contains("/api/v1/payments/pay_");
        JsonObject p = r.json();
        assertThat(p.getString("id")).startsWith("pay_");
        assertThat(p.getString("status")).isEqualTo("captured");
        assertThat(p.getJsonNumber("amount").longValue()).isEqualTo(1999);
        assertThat(p.getJsonNumber("amount_captured").longValue()).isEqualTo(1999);
        assertThat(p.getJsonNumber("amount_capturable").longValue()).isZero();
        JsonObject card = p.getJsonObject("payment_method").getJsonObject("card");
        assertThat(card.getString("brand")).isEqualTo("visa");
        assertThat(card.getString("last4")).isEqualTo("4242");
        assertThat(card.getString("country")).isEqualTo("US");
        assertThat(card.getString("fingerprint")).isNotBlank();
        assertThat(r.body()).doesNotContain(VISA).doesNotContain("\"cvc\"");

        Reply again = get("/api/v1/payments/" + p.getString("id"), m.token());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("status")).isEqualTo("captured");
    }

    @Test
    void the_same_card_has_the_same_fingerprint_and_other_brands_are_detected() {
        Merchant m = newMerchant();
        String f1 = post("/api/v1/payments", m.token(), cardPayment(100, "USD", "automatic", VISA)).json()
                .getJsonObject("payment_method").getJsonObject("card").getString("fingerprint");
        String f2 = post("/api/v1/payments", m.token(), cardPayment(200, "USD", "automatic", VISA)).json()
                .getJsonObject("payment_method").getJsonObject("card").getString("fingerprint");
        assertThat(f1).isEqualTo(f2);

        JsonObject mc = post("/api/v1/payments", m.token(), cardPayment(300, "USD", "automatic", "5555555555554444")).json();
        JsonObject amex = post("/api/v1/payments", m.token(), cardPayment(300, "USD", "automatic", "378282246310005")).json();
        JsonObject brazil = post("/api/v1/payments", m.token(), cardPayment(300, "USD", "automatic", "4000000000000101")).json();
        assertThat(mc.getJsonObject("payment_method").getJsonObject("card").getString("brand")).isEqualTo("mastercard");
        assertThat(amex.getJsonObject("payment_method").getJsonObject("card").getString("brand")).isEqualTo("amex");
        assertThat(amex.getString("status")).isEqualTo("captured");
        assertThat(brazil.getJsonObject("payment_method").getJsonObject("card").getString("country")).isEqualTo("BR");
    }

    @Test
    void each_decline_test_card_creates_a_declined_payment_with_its_code() {
        Merchant m = newMerchant();
        Map<String, String> cards = Map.of(
                "4000000000000002", "card_declined",
                "4000000000009995", "insufficient_funds",
                "4000000000000069", "expired_card",
                "4000000000000127", "incorrect_cvc",
                "4000000000000119", "processing_error");
        cards.forEach((number, code) -> {
            Reply r = post("/api/v1/payments", m.token(), cardPayment(500, "EUR", "automatic", number));
            assertThat(r.status()).as(number).isEqualTo(201);
            assertThat(r.json().getString("status")).as(number).isEqualTo("declined");
            assertThat(r.json().getString("decline_code")).as(number).isEqualTo(code);
            assertThat(r.json().getJsonNumber("amount_captured").longValue()).isZero();
        });
    }

    @Test
    void a_manual_payment_is_authorized_then_partially_captured_and_the_rest_released() {
        Merchant m = newMerchant();
        JsonObject p = post("/api/v1/payments", m.token(), cardPayment(5000, "USD", "manual", VISA)).json();
        assertThat(p.getString("status")).isEqualTo("authorized");
        assertThat(p.getJsonNumber("amount_capturable").longValue()).isEqualTo(5000);
        String id = p.getString("id");

        Reply tooMuch = post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":5001}");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().getString("code")).isEqualTo("amount_too_large");

        Reply captured = post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":3000}");
        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.json().getString("status")).isEqualTo("captured");
        assertThat(captured.json().getJsonNumber("amount_captured").longValue()).isEqualTo(3000);
        assertThat(captured.json().getJsonNumber("amount_capturable").longValue()).isZero();

        Reply twice = post("/api/v1/payments/" + id + "/capture", m.token(), null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().getString("code")).isEqualTo("invalid_state");
    }

    @Test
    void a_full_capture_takes_everything_capturable() {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(12345, "JPY", "manual", VISA)).json().getString("id");
        Reply captured = post("/api/v1/payments/" + id + "/capture", m.token(), null);
        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.json().getJsonNumber("amount_captured").longValue()).isEqualTo(12345);
    }

    @Test
    void a_void_is_allowed_only_before_capture() {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(700, "USD", "manual", VISA)).json().getString("id");
        Reply voided = post("/api/v1/payments/" + id + "/void", m.token(), null);
        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.json().getString("status")).isEqualTo("voided");
        assertThat(voided.json().getJsonNumber("amount_capturable").longValue()).isZero();

        assertThat(post("/api/v1/payments/" + id + "/capture", m.token(), null).json().getString("code"))
                .isEqualTo("invalid_state");
        assertThat(post("/api/v1/payments/" + id + "/void", m.token(), null).status()).isEqualTo(409);

        String captured = post("/api/v1/payments", m.token(), cardPayment(700, "USD", "automatic", VISA)).json().getString("id");
        Reply late = post("/api/v1/payments/" + captured + "/void", m.token(), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.json().getString("code")).isEqualTo("invalid_state");
    }

    @Test
    void several_partial_refunds_add_up_to_at_most_the_captured_amount() {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(10000, "USD", "automatic", VISA)).json().getString("id");

        Reply first = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":2500,\"reason\":\"damaged\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getString("id")).startsWith("re_");
        assertThat(first.json().getString("payment_id")).isEqualTo(id);
        assertThat(first.json().getJsonNumber("amount").longValue()).isEqualTo(2500);
        assertThat(first.json().getString("status")).isEqualTo("succeeded");
        assertThat(get("/api/v1/payments/" + id, m.token()).json().getString("status")).isEqualTo("partially_refunded");

        assertThat(post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":2500}").status()).isEqualTo(201);
        Reply over = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":5001}");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().getString("code")).isEqualTo("amount_too_large");

        Reply rest = post("/api/v1/payments/" + id + "/refunds", m.token(), null);
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.json().getJsonNumber("amount").longValue()).isEqualTo(5000);

        JsonObject payment = get("/api/v1/payments/" + id, m.token()).json();
        assertThat(payment.getString("status")).isEqualTo("refunded");
        assertThat(payment.getJsonNumber("amount_refunded").longValue()).isEqualTo(10000);
        assertThat(post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":1}").json().getString("code"))
                .isEqualTo("invalid_state");

        JsonArray refunds = get("/api/v1/payments/" + id + "/refunds", m.token()).json().getJsonArray("data");
        assertThat(refunds).hasSize(3);
    }

    @Test
    void a_refund_before_capture_is_an_invalid_state() {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(900, "USD", "manual", VISA)).json().getString("id");
        Reply r = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":100}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().getString("code")).isEqualTo("invalid_state");
    }

    @Test
    void the_step_up_card_asks_for_confirmation_and_the_code_completes_it() {
        Merchant m = newMerchant();
        JsonObject p = post("/api/v1/payments", m.token(), cardPayment(4200, "USD", "automatic", "4000000000003220")).json();
        assertThat(p.getString("status")).isEqualTo("requires_action");
        assertThat(p.getJsonObject("next_action").getString("type")).isEqualTo("confirm_code");

        Reply confirmed = post("/api/v1/payments/" + p.getString("id") + "/confirm", m.token(), "{\"code\":\"123456\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().getString("status")).isEqualTo("captured");
        assertThat(confirmed.json().getJsonNumber("amount_captured").longValue()).isEqualTo(4200);

        JsonObject wrong = post("/api/v1/payments", m.token(), cardPayment(4200, "USD", "automatic", "4000000000003220")).json();
        Reply declined = post("/api/v1/payments/" + wrong.getString("id") + "/confirm", m.token(), "{\"code\":\"000000\"}");
        assertThat(declined.json().getString("status")).isEqualTo("declined");
    }

    @Test
    void another_merchants_payment_is_not_found() {
        Merchant owner = newMerchant();
        Merchant other = newMerchant();
        String id = post("/api/v1/payments", owner.token(), cardPayment(1000, "USD", "manual", VISA)).json().getString("id");

        assertThat(get("/api/v1/payments/" + id, other.token()).status()).isEqualTo(404);
        assertThat(post("/api/v1/payments/" + id + "/capture", other.token(), null).status()).isEqualTo(404);
        assertThat(post("/api/v1/payments/" + id + "/void", other.token(), null).status()).isEqualTo(404);
        assertThat(post("/api/v1/payments/" + id + "/refunds", other.token(), null).status()).isEqualTo(404);
        assertThat(get("/api/v1/payments/" + id + "/refunds", other.token()).status()).isEqualTo(404);
        assertThat(get("/api/v1/payments", other.token()).json().getJsonArray("data")).isEmpty();
        assertThat(get("/api/v1/payments/" + id, owner.token()).json().getString("status")).isEqualTo("authorized");
    }

    @Test
    void the_list_is_newest_first_with_a_cursor_and_filters() {
        Merchant m = newMerchant();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, post("/api/v1/payments", m.token(), cardPayment(100 + i, "USD", i == 0 ? "manual" : "automatic", VISA))
                    .json().getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            JsonObject page = get("/api/v1/payments?limit=2" + (cursor == null ? "" : "&starting_after=" + cursor), m.token()).json();
            JsonArray data = page.getJsonArray("data");
            assertThat(data.size()).isLessThanOrEqualTo(2);
            data.forEach(v -> seen.add(v.asJsonObject().getString("id")));
            more = page.getBoolean("has_more");
            cursor = seen.get(seen.size() - 1);
        }
        assertThat(seen).containsExactlyElementsOf(created);

        JsonArray authorized = get("/api/v1/payments?status=authorized", m.token()).json().getJsonArray("data");
        assertThat(authorized).hasSize(1);
        assertThat(authorized.getJsonObject(0).getString("id")).isEqualTo(created.get(4));

        String reference = get("/api/v1/payments/" + created.get(0), m.token()).json().getString("reference");
        assertThat(get("/api/v1/payments?reference=" + reference, m.token()).json().getJsonArray("data")).hasSize(1);
        assertThat(get("/api/v1/payments?created_gte=2100-01-01T00:00:00Z", m.token()).json().getJsonArray("data")).isEmpty();
        assertThat(get("/api/v1/payments?created_lt=2100-01-01T00:00:00Z&limit=100", m.token()).json().getJsonArray("data"))
                .hasSize(5);
    }

    @Test
    void the_ledger_balances_and_an_operator_can_check_it() throws SQLException {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(10000, "USD", "automatic", VISA)).json().getString("id");
        post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":100}");
        String manual = post("/api/v1/payments", m.token(), cardPayment(50, "BHD", "manual", VISA)).json().getString("id");
        post("/api/v1/payments/" + manual + "/void", m.token(), null);

        JsonObject check = get("/api/v1/admin/ledger/check", platformToken()).json();
        assertThat(check.getBoolean("balanced")).isTrue();
        assertThat(check.getJsonArray("unbalanced_journals")).isEmpty();

        assertThat(Database.count("select count(*) from (select journal_id from ledger_posting group by journal_id, currency"
                + " having sum(amount) <> 0) unbalanced")).isZero();
        // The automatic capture (one journal, nothing held) and the refund; the manual payment's hold and void.
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ? and type in ('CAPTURE', 'REFUND')",
                id)).isEqualTo(2);
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ?", id)).isEqualTo(2);
        assertThat(Database.count("select count(*) from ledger_journal where payment_id = ? and type in"
                + " ('AUTHORIZATION_HOLD', 'VOID')", manual)).isEqualTo(2);
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> s.executeUpdate("update ledger_posting set amount = amount + 1")))
                    .hasMessageContaining("append-only");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> s.executeUpdate("delete from ledger_journal")))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void no_table_or_column_holds_a_card_number_after_card_payments() throws SQLException {
        Merchant m = newMerchant();
        List<String> numbers = new ArrayList<>(List.of(VISA, "5555555555554444", "378282246310005",
                "4000000000000002", "4000000000003220", "4000000000000101"));
        for (int i = 0; i < 4; i++) {
            numbers.add(randomCard("4", 16));
        }
        String lastPayment = null;
        for (String number : numbers) {
            Reply r = post("/api/v1/payments", m.token(), cardPayment(1234, "USD", "automatic", number),
                    UUID.randomUUID().toString());
            assertThat(r.status()).as("card ending " + number.substring(number.length() - 4)).isEqualTo(201);
            lastPayment = r.json().getString("id");
        }
        post("/api/v1/payments/" + lastPayment + "/refunds", m.token(), "{\"amount\":100}", UUID.randomUUID().toString());

        // The sweep looks everywhere and can find what is there: the payment's id is in its row and,
        // as bytes, in the stored response of its idempotency key.
        assertThat(Database.columnCount()).isGreaterThan(60);
        assertThat(Database.placesHolding(lastPayment)).contains("payment.id", "idempotency_record.response_body");
        for (String number : numbers) {
            assertThat(Database.placesHolding(number)).as("card ending " + number.substring(number.length() - 4)).isEmpty();
        }
    }

    @Test
    void health_and_metrics_are_served() {
        Reply ready = get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"").contains("UP");
        // Issue 16, point 6: the application's own gate is a readiness check (the launcher opens
        // the HTTP listeners on its signal; a load balancer may poll this).
        assertThat(ready.body()).containsPattern("\"name\" *: *\"application\"").containsPattern("\"state\" *: *\"ready\"");
        assertThat(get("/health/live", null).status()).isEqualTo(200);

        Merchant m = newMerchant();
        post("/api/v1/payments", m.token(), cardPayment(100, "USD", "automatic", VISA));
        Reply metrics = send(request("/metrics", platformToken()).header("Accept", "text/plain").GET());
        assertThat(metrics.body()).contains("tillpoint_payments_total").contains("status=\"captured\"")
                .contains("tillpoint_payment_create_duration")
                .contains("tillpoint_api_requests_working").contains("tillpoint_api_requests_waiting");
    }
}
