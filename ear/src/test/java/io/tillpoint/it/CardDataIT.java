package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17, points 1 to 3, on the real EAR: no card number, CVC or unkeyed hash of either in any
 * table, stored answer or log line after card payments (the contract's test cards and random
 * ones, with CVCs and idempotency keys, captures, refunds, voids, replays); fingerprints per
 * merchant; card numbers in free text and path ids refused, with nothing stored. The sweep runs
 * last and looks at what every test of the class (and every class before it) left.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardDataIT {

    /** The contract's sandbox test cards, and the additions' refund-refusing one. */
    private static final List<String> TEST_CARDS = List.of("4242424242424242", "5555555555554444", "378282246310005",
            "4000000000000002", "4000000000009995", "4000000000000069", "4000000000000127", "4000000000000119",
            "4000000000003220", "4000000000000101", "4000000000001018", "4000000000001026", "4000000000005126");
    private static final String PAN_IN_TEXT = "5555555555554444";

    /** Every card number sent, as sent (digits, or grouped with spaces or dashes). */
    private static final Set<String> CARD_NUMBERS = new LinkedHashSet<>();
    /** Every request sent with a CVC in it: the path and the very body. */
    private static final List<String[]> CVC_REQUESTS = new ArrayList<>();
    /** Every answer the gateway gave to those requests. */
    private static final List<String> ANSWERS = new ArrayList<>();
    private static final Set<String> MERCHANTS = new LinkedHashSet<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    @Test
    @Order(1)
    void card_payments_with_every_test_card_and_random_ones_with_cvcs_and_keys() throws Exception {
        Merchant m = merchant();
        List<String> numbers = new ArrayList<>(TEST_CARDS);
        numbers.addAll(List.of(randomCard("4", 16), randomCard("51", 16), randomCard("4", 19), randomCard("6011", 16),
                randomCard("37", 15)));
        List<String> unresolved = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            String sent = i % 3 == 1 ? grouped(number, " ") : i % 3 == 2 ? grouped(number, "-") : number;
            String body = payment(i % 4 == 0 ? "manual" : "automatic", sent, cvcFor(number));
            Reply r = pay(m, body, UUID.randomUUID().toString());
            assertThat(r.status()).as("card ending " + last4(number) + ": " + r.body()).isEqualTo(201);
            String status = r.json().getString("status");
            String id = r.json().getString("id");
            if (status.equals("processing")) {
                unresolved.add(id);
            } else if (status.equals("requires_action")) {
                record(post("/api/v1/payments/" + id + "/confirm", m.token(), "{\"code\":\"123456\"}"));
            } else if (status.equals("authorized")) {
                String capture = UUID.randomUUID().toString();
                Reply captured = record(post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":1000}", capture));
                assertThat(captured.status()).as(captured.body()).isEqualTo(200);
                assertThat(record(post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":1000}", capture))
                        .header("Idempotent-Replayed")).isEqualTo("true");
                record(post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":100,\"reason\":\"damaged\"}",
                        UUID.randomUUID().toString()));
            } else if (status.equals("captured")) {
                record(post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":50}", UUID.randomUUID().toString()));
            }
        }
        String voided = pay(m, payment("manual", VISA, "321"), UUID.randomUUID().toString()).json().getString("id");
        assertThat(record(post("/api/v1/payments/" + voided + "/void", m.token(), null, UUID.randomUUID().toString()))
                .status()).isEqualTo(200);

        // Bodies that are refused, kept under their keys: a malformed one, a Luhn-invalid number,
        // an expired card; and the contract's token endpoint, with a card.
        String broken = payment("automatic", VISA, "123");
        pay(m, broken.substring(0, broken.length() - 2), UUID.randomUUID().toString());
        String almost = "4242424242424241";
        assertThat(pay(m, payment("automatic", almost, "123"), UUID.randomUUID().toString()).status()).isEqualTo(400);
        String tokenBody = "{\"card\":{\"number\":\"" + VISA + "\",\"exp_month\":12,\"exp_year\":" + EXP_YEAR
                + ",\"cvc\":\"987\"}}";
        CVC_REQUESTS.add(new String[] {"/tokens", tokenBody});
        record(post("/api/v1/tokens", m.token(), tokenBody, UUID.randomUUID().toString()));

        awaitResolved(m, unresolved);
    }

    @Test
    @Order(2)
    void the_same_request_in_another_json_spelling_is_replayed_and_another_cvc_does_not_make_it_another() {
        Merchant m = merchant();
        String key = UUID.randomUUID().toString();
        String body = payment("automatic", VISA, "123");
        String respelled = "{ \"payment_method\" : { \"card\" : { \"cvc\" : \"456\", \"exp_year\" : " + EXP_YEAR
                + ", \"exp_month\" : 12, \"number\" : \"4242 4242 4242 4242\" }, \"type\" : \"card\" },\n"
                + "  \"reference\" : \"order-in-another-spelling\", \"capture\" : \"automatic\", \"currency\" : \"USD\","
                + " \"amount\" : 1234 }";
        CVC_REQUESTS.add(new String[] {"/payments", respelled});
        CARD_NUMBERS.add(grouped(VISA, " "));

        Reply first = pay(m, body.replace(reference(body), "order-in-another-spelling"), key);
        Reply again = record(post("/api/v1/payments", m.token(), respelled, key));
        Reply other = record(post("/api/v1/payments", m.token(), respelled.replace("1234", "1235"), key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().getString("code")).isEqualTo("idempotency_key_reused");
    }

    @Test
    @Order(3)
    void a_merchant_sees_one_fingerprint_per_card_and_two_merchants_see_different_ones() throws SQLException {
        Merchant a = merchant();
        Merchant b = merchant();
        JsonObject a1 = pay(a, payment("automatic", VISA, "123"), null).json();
        JsonObject a2 = pay(a, payment("automatic", grouped(VISA, " "), "999"), null).json();
        JsonObject b1 = pay(b, payment("automatic", VISA, "123"), null).json();
        JsonObject aOther = pay(a, payment("automatic", "5555555555554444", "123"), null).json();

        assertThat(fingerprint(a2)).isEqualTo(fingerprint(a1)).startsWith("f1.");
        assertThat(fingerprint(b1)).isNotEqualTo(fingerprint(a1));
        assertThat(fingerprint(aOther)).isNotEqualTo(fingerprint(a1));
        String internalA = internalFingerprint(a1.getString("id"));
        assertThat(internalA).startsWith("i1.").isEqualTo(internalFingerprint(b1.getString("id")))
                .isNotEqualTo(internalFingerprint(aOther.getString("id")));
        assertThat(get("/api/v1/payments/" + a1.getString("id"), a.token()).body()).doesNotContain(internalA.substring(3))
                .contains(fingerprint(a1));
    }

    @Test
    @Order(4)
    void a_card_number_in_free_text_is_refused_naming_the_field_and_nothing_is_stored() throws SQLException {
        Merchant m = merchant();
        String grouped = grouped(PAN_IN_TEXT, " ");
        String dashed = grouped(PAN_IN_TEXT, "-");
        CARD_NUMBERS.addAll(List.of(grouped, dashed));
        String base = payment("automatic", VISA, "123");
        String card = "\"payment_method\":{";
        String[][] cases = {
            {base.replace(reference(base), "order " + grouped), "reference"},
            {base.replace(card, "\"description\":\"call about " + dashed + "\"," + card), "description"},
            {base.replace(card, "\"metadata\":{\"gift\":\"no\",\"order_note\":\"card " + PAN_IN_TEXT + "\"}," + card),
                "metadata.order_note"},
            {base.replace(card, "\"metadata\":{\"" + PAN_IN_TEXT + "\":\"x\"}," + card), "metadata"},
            {base.replace(card, "\"customer\":{\"id\":\"cust-" + dashed + "\"}," + card), "customer.id"},
            {base.replace(card, "\"customer\":{\"email\":\"" + PAN_IN_TEXT + "@example.com\"}," + card), "customer.email"},
            {base.replace("\"cvc\":", "\"holder_name\":\"" + grouped + "\",\"cvc\":"), "payment_method.card.holder_name"},
        };
        for (String[] c : cases) {
            String key = UUID.randomUUID().toString();
            CVC_REQUESTS.add(new String[] {"/payments", c[0]});
            Reply refused = record(post("/api/v1/payments", m.token(), c[0], key));
            assertNotEchoed(refused, c[1]);
            assertThat(recordsOf(m, key)).as(c[1] + ": no idempotency record").isZero();
            Reply corrected = pay(m, base, key);
            assertThat(corrected.status()).as(c[1] + ": the key is still free").isEqualTo(201);
            assertThat(corrected.header("Idempotent-Replayed")).isNull();
        }
        assertThat(Database.count("select count(*) from payment where merchant_id = ?", m.id())).isEqualTo(cases.length);

        String paid = pay(m, base, null).json().getString("id");
        String refundKey = UUID.randomUUID().toString();
        assertNotEchoed(post("/api/v1/payments/" + paid + "/refunds", m.token(),
                "{\"amount\":10,\"reason\":\"card " + grouped + " was stolen\"}", refundKey), "reason");
        assertThat(recordsOf(m, refundKey)).isZero();
        assertThat(get("/api/v1/payments/" + paid + "/refunds", m.token()).json().getJsonArray("data")).isEmpty();
    }

    @Test
    @Order(5)
    void a_card_number_in_a_path_id_or_query_is_refused_and_the_access_log_masks_it() throws SQLException {
        Merchant m = merchant();
        String key = UUID.randomUUID().toString();

        assertNotEchoed(get("/api/v1/payments/" + PAN_IN_TEXT, m.token()), "id");
        assertNotEchoed(post("/api/v1/payments/" + grouped(PAN_IN_TEXT, "-") + "/refunds", m.token(), "{\"amount\":1}",
                key), "id");
        assertNotEchoed(post("/api/v1/payments/" + grouped(PAN_IN_TEXT, "%20") + "/capture", m.token(), null, key), "id");
        assertNotEchoed(get("/api/v1/payments?reference=" + PAN_IN_TEXT, m.token()), "reference");
        assertThat(recordsOf(m, key)).isZero();
        assertThat(Database.count("select count(*) from idempotency_record where owner_id = ?", m.id())).isZero();
        assertThat(Database.count("select count(*) from payment where merchant_id = ?", m.id())).isZero();

        Reply withOwnId = send(request("/api/v1/payments", m.token()).header("X-Request-Id", "req-" + PAN_IN_TEXT).GET());
        assertThat(withOwnId.header("X-Request-Id")).as("a request id with a card number is not taken")
                .doesNotContain(PAN_IN_TEXT).startsWith("req_");
    }

    @Test
    @Order(9)
    void the_sweep_finds_a_card_number_its_digest_and_a_log_line_where_they_are() throws Exception {
        String planted = randomCard("4", 16);
        byte[] digest = CardDataSweep.sha256(planted.getBytes(StandardCharsets.UTF_8));
        List<String> forms = CardDataSweep.formsOf(planted);
        byte[] body = (planted + "|").getBytes(StandardCharsets.UTF_8);
        byte[] stored = new byte[body.length + digest.length];
        System.arraycopy(body, 0, stored, 0, body.length);
        System.arraycopy(digest, 0, stored, body.length, digest.length);
        String requestId = "req-sweep-" + UUID.randomUUID();
        send(request("/api/v1/payments", merchant().token()).header("X-Request-Id", requestId).GET());
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("insert into idempotency_record"
                + " (id, version, owner_id, idem_key, request_hash, completed, response_location, response_body, created_at)"
                + " values ('sweep-self-test|k', 1, 'sweep-self-test', 'k', ?, true, ?, ?, now())")) {
            s.setString(1, forms.get(1));
            s.setString(2, forms.get(3));
            s.setBytes(3, stored);
            s.executeUpdate();
        }
        try {
            Thread.sleep(1000); // the access log is written every 200 ms
            CardDataSweep sweep = CardDataSweep.now();

            assertThat(sweep.columns()).isGreaterThan(60);
            assertThat(sweep.placesHolding(planted)).containsExactly("idempotency_record.response_body");
            assertThat(sweep.placesHolding(forms.get(1)))
                    .containsExactlyInAnyOrder("idempotency_record.request_hash", "idempotency_record.response_body");
            assertThat(sweep.placesHolding(forms.get(3))).containsExactly("idempotency_record.response_location");
            assertThat(sweep.logsHold("request_id=" + requestId)).as("the sweep reads the server log").isTrue();
            assertThat(sweep.logsHold(planted)).isFalse();
        } finally {
            Database.update("delete from idempotency_record where id = 'sweep-self-test|k'");
        }
    }

    @Test
    @Order(10)
    void no_table_column_stored_answer_or_log_line_holds_a_card_number_a_cvc_bearing_body_or_an_unkeyed_hash()
            throws Exception {
        assertThat(CARD_NUMBERS).hasSizeGreaterThan(TEST_CARDS.size());
        assertThat(CVC_REQUESTS).hasSizeGreaterThan(TEST_CARDS.size());
        Thread.sleep(1000); // the access log is written every 200 ms
        CardDataSweep sweep = CardDataSweep.now();
        assertThat(sweep.columns()).isGreaterThan(60);

        List<String> found = new ArrayList<>();
        for (String number : CARD_NUMBERS) {
            String digits = number.replaceAll("[^0-9]", "");
            List<String> needles = new ArrayList<>(CardDataSweep.formsOf(digits));
            needles.add(number);
            for (String needle : needles) {
                sweep.placesHolding(needle).forEach(place -> found.add(place + " holds card ending " + last4(digits)));
                if (sweep.logsHold(needle)) {
                    found.add("server.log holds card ending " + last4(digits));
                }
            }
        }
        for (String[] request : CVC_REQUESTS) {
            List<String> needles = new ArrayList<>(CardDataSweep.digestFormsOf(request[1].getBytes(StandardCharsets.UTF_8)));
            // As the gateway computed it before issue 17: method, path and body.
            needles.addAll(CardDataSweep.digestFormsOf(("POST\u0000" + request[0] + "\u0000" + request[1])
                    .getBytes(StandardCharsets.UTF_8)));
            for (String needle : needles) {
                sweep.placesHolding(needle).forEach(place -> found.add(place + " holds a digest of a body to " + request[0]));
                if (sweep.logsHold(needle)) {
                    found.add("server.log holds a digest of a body to " + request[0]);
                }
            }
        }
        assertThat(found).as("card data left behind").isEmpty();

        // The access log masks the card number of a path to its first six and last four digits.
        assertThat(sweep.logsHold("path=/payments/555555******4444 status=400")).isTrue();
        assertThat(sweep.logsHold("path=/payments/555555******4444/refunds status=400")).isTrue();

        // The gateway's own fingerprints are never in an answer, stored or sent. Besides the payment,
        // only risk control keeps them (its history of attempts, blocklist entries and freezes of
        // cards), and an event's internal part carries them to it through the outbox.
        for (String merchant : MERCHANTS) {
            for (String internal : internalFingerprintsOf(merchant)) {
                String digest = internal.substring(internal.indexOf('.') + 1);
                assertThat(ANSWERS).noneMatch(answer -> answer.contains(digest));
                assertThat(sweep.placesHolding(digest)).contains("payment.card_internal_fingerprint")
                        .isSubsetOf("payment.card_internal_fingerprint", "risk_attempt.card_fingerprint",
                                "risk_blocklist_entry.value", "risk_freeze.subject_value",
                                "domain_event_outbox.internal");
            }
        }
    }

    // ---- helpers

    private static Merchant merchant() {
        Merchant m = newMerchant();
        MERCHANTS.add(m.id());
        return m;
    }

    /** A card payment of 1234 with {@code number} as given and {@code cvc}; the request is remembered for the sweep. */
    private static String payment(String capture, String number, String cvc) {
        CARD_NUMBERS.add(number);
        return "{\"amount\":1234,\"currency\":\"USD\",\"capture\":\"" + capture + "\",\"reference\":\"order-"
                + UUID.randomUUID() + "\",\"payment_method\":{\"type\":\"card\",\"card\":{\"number\":\"" + number
                + "\",\"exp_month\":12,\"exp_year\":" + EXP_YEAR + ",\"cvc\":\"" + cvc + "\"}}}";
    }

    private static Reply pay(Merchant m, String body, String key) {
        CVC_REQUESTS.add(new String[] {"/payments", body});
        return record(post("/api/v1/payments", m.token(), body, key));
    }

    private static Reply record(Reply reply) {
        ANSWERS.add(reply.body());
        return reply;
    }

    private static String reference(String body) {
        int start = body.indexOf("order-");
        return body.substring(start, body.indexOf('"', start));
    }

    /** A 400 card_number_in_text naming {@code param}, with none of the card number's digits in it. */
    private static void assertNotEchoed(Reply r, String param) {
        assertThat(r.status()).as(param + ": " + r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getString("code")).isEqualTo("card_number_in_text");
        assertThat(r.json().getString("param")).isEqualTo(param);
        assertThat(r.body()).doesNotContain("5555").doesNotContain("4444");
    }

    private static String cvcFor(String number) {
        int digits = number.startsWith("34") || number.startsWith("37") ? 4 : 3;
        StringBuilder cvc = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            cvc.append(ThreadLocalRandom.current().nextInt(10));
        }
        return cvc.toString();
    }

    private static String fingerprint(JsonObject payment) {
        return payment.getJsonObject("payment_method").getJsonObject("card").getString("fingerprint");
    }

    private static String internalFingerprint(String paymentId) throws SQLException {
        try (Connection c = Database.connect();
                PreparedStatement s = c.prepareStatement("select card_internal_fingerprint from payment where id = ?")) {
            s.setString(1, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> internalFingerprintsOf(String merchantId) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "select distinct card_internal_fingerprint from payment where merchant_id = ?")) {
            s.setString(1, merchantId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
        }
        return all;
    }

    private static long recordsOf(Merchant m, String key) throws SQLException {
        return Database.count("select count(*) from idempotency_record where owner_id = ? and idem_key = ?", m.id(), key);
    }

    /** Waits until recovery resolved the payments whose outcome was unknown (about 5 s in the tests). */
    private static void awaitResolved(Merchant m, List<String> ids) throws InterruptedException {
        for (String id : ids) {
            String status = "processing";
            for (int i = 0; i < 120 && status.equals("processing"); i++) {
                Thread.sleep(500);
                status = get("/api/v1/payments/" + id, m.token()).json().getString("status");
            }
            assertThat(status).as(id).isNotEqualTo("processing");
        }
    }

    private static String grouped(String number, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < number.length(); i += 4) {
            out.append(i == 0 ? "" : separator).append(number, i, Math.min(i + 4, number.length()));
        }
        return out.toString();
    }

    private static String last4(String number) {
        return number.substring(number.length() - 4);
    }
}
