package io.tillpoint.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.card.CardBrand;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.CardVerificationCode;
import io.tillpoint.domain.model.card.ExpiryDate;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.MerchantCardFingerprint;
import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.model.idempotency.IdempotencyKey;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.RequestFingerprint;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.payment.CaptureMode;
import io.tillpoint.domain.model.payment.CardSnapshot;
import io.tillpoint.domain.model.payment.Customer;
import io.tillpoint.domain.model.payment.DeclineCode;
import io.tillpoint.domain.model.payment.Metadata;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentDetails;
import io.tillpoint.domain.model.payment.PaymentWrites;
import io.tillpoint.domain.model.payment.PaymentWrites.Stored;
import io.tillpoint.domain.model.risk.RiskAssessment;
import io.tillpoint.domain.model.risk.RiskDecision;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.infrastructure.messaging.RelaySignal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL statements of a payment's two transactions, on a real PostgreSQL with the
 * gateway's migrations: each step writes all of its rows or none, a taken key records nothing,
 * and an answer for a payment that moved on in the meantime writes nothing either (no second
 * journal, no stored response). Statements run in autocommit here: each is atomic by itself.
 */
class PostgresPaymentWritesIT {

    /** A fresh database the build made for this test (an embedded PostgreSQL, or a named server's). */
    private static final String URL = System.getProperty("tillpoint.it.db.url",
            "jdbc:postgresql://127.0.0.1:18433/tillpoint_writes_it");
    private static final String MERCHANT = "mer_writes_it";
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.123456Z");
    private static final Instant LATER = NOW.plusMillis(40);

    private static PGSimpleDataSource dataSource;

    private static final Instant RECOVER_AFTER = Instant.parse("2026-11-25T10:00:30Z");
    private final PostgresPaymentWrites writes = new PostgresPaymentWrites();
    private int keys;

    @BeforeAll
    static void theGatewaysSchema() throws SQLException {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setUser(System.getProperty("tillpoint.it.db.user", "tillpoint"));
        dataSource.setPassword(System.getProperty("tillpoint.it.db.password", "tillpoint-it"));
        Flyway.configure(PostgresPaymentWritesIT.class.getClassLoader()).dataSource(dataSource)
                .locations(SchemaMigrator.LOCATION).load().migrate();
        update("insert into merchant (id, version, name, country, default_currency, fee_percent_bps, fee_fixed, status,"
                + " created_at) values (?, 1, 'Writes IT', 'US', 'USD', 290, 30, 'ACTIVE', now())", MERCHANT);
    }

    @BeforeEach
    void writerOnTheTestDatabase() {
        writes.dataSource = dataSource;
        writes.relay = new RelaySignal();
    }

    @Test
    void the_answers_event_is_written_with_it_and_not_for_a_payment_that_moved_on() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);
        writes.recordAttempt(payment, null, NOW, RECOVER_AFTER);
        Payment stale = copyOfStoredAttempt(payment);
        Journal capture = payment.approveAndCapture("A1B2C3", "sbx_ref_e", "US", LATER);
        DomainEvent captured = DomainEvent.of(EventType.PAYMENT_CAPTURED, MERCHANT, payment.id(), LATER,
                "{\"id\":\"" + payment.id() + "\"}", "{\"bin\":\"424242\"}");

        assertThat(writes.recordOutcome(payment, capture, null, null, captured, LATER)).isEqualTo(Stored.ALL);
        Journal again = stale.approveAndCapture("A1B2C3", "sbx_ref_e", "US", LATER);
        DomainEvent twice = DomainEvent.of(EventType.PAYMENT_CAPTURED, MERCHANT, payment.id(), LATER, "{}", "{}");
        assertThat(writes.recordOutcome(stale, again, null, null, twice, LATER))
                .isEqualTo(Stored.NOTHING_PAYMENT_CHANGED);

        assertThat(rows("select id, type, merchant_id, subject_id, created_at = ?, data, internal, destination"
                + " from domain_event_outbox where subject_id = ?", at(LATER), payment.id()))
                .containsExactly(Arrays.asList(captured.id().value(), "payment.captured", MERCHANT, payment.id(), true,
                        captured.data(), captured.internal(), null));
    }

    @Test
    void recovery_claims_due_follow_ups_once_skipping_rows_another_worker_is_claiming() throws SQLException {
        update("delete from acquirer_follow_up");
        Payment first = newPayment(CaptureMode.AUTOMATIC);
        Payment second = newPayment(CaptureMode.AUTOMATIC);
        Payment notYet = newPayment(CaptureMode.AUTOMATIC);
        writes.recordAttempt(first, null, NOW, NOW);
        writes.recordAttempt(second, null, NOW, NOW);
        writes.recordAttempt(notYet, null, NOW, LATER.plusSeconds(3600));
        String claim = JpaFollowUps.CLAIM_DUE.replaceAll("\\?\\d", "?");
        Instant lease = LATER.plusSeconds(60);

        try (Connection worker = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            worker.setAutoCommit(false);
            List<String> mine = claimed(worker, claim, lease, LATER, 1);
            List<String> theirs = claimed(other, claim, lease, LATER, 5);
            worker.commit();
            List<String> afterCommit = claimed(other, claim, lease, LATER, 5);

            assertThat(mine).hasSize(1).isSubsetOf(first.id(), second.id());
            assertThat(theirs).as("the row being claimed is skipped, not waited for")
                    .hasSize(1).doesNotContainAnyElementsOf(mine).isSubsetOf(first.id(), second.id());
            assertThat(afterCommit).as("claimed rows are not due until the lease ends").isEmpty();
        }
        assertThat(rows("select attempts, due_at = ? from acquirer_follow_up where id in (?, ?)", at(lease), first.id(),
                second.id())).containsOnly(List.of(1, true));
        assertThat(count("select count(*) from acquirer_follow_up where id = ? and attempts = 0", notYet.id()))
                .isEqualTo(1);
        update("delete from acquirer_follow_up");
    }

    private static List<String> claimed(Connection c, String sql, Instant lease, Instant now, int limit)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, at(lease));
            s.setObject(2, at(now));
            s.setInt(3, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    @Test
    void a_keyed_attempt_claims_the_key_and_records_the_payment_as_jpa_maps_it() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);
        KeyedRequest keyed = newKey();

        assertThat(writes.recordAttempt(payment, keyed, NOW, RECOVER_AFTER)).isTrue();

        assertThat(payment.version()).isEqualTo(1);
        assertThat(row("select version, merchant_id, status, amount, currency, amount_capturable, amount_captured,"
                + " amount_refunded, capture_mode, reference, description, metadata, customer_id, customer_email,"
                + " customer_ip, customer_country, method_type, card_brand, card_bin, card_last4, card_exp_month,"
                + " card_exp_year, card_country, card_fingerprint, card_internal_fingerprint, decline_code,"
                + " acquirer_reference, authorization_code, challenge_attempts, created_at = ?, updated_at = ?"
                + " from payment where id = ?",
                at(NOW), at(NOW), payment.id()))
                .containsExactly(1L, MERCHANT, "PROCESSING", 1999L, "USD", 0L, 0L, 0L, "AUTOMATIC", "order-123",
                        "Two coffees", "{\"k\":\"v\"}", "c-1", "a@b.c", "203.0.113.9", "US", "CARD", "visa", "424242",
                        "4242", 12, 2030, null, "f1.shown_4242", "i1.internal_4242", null, null, null, 0, true, true);
        assertThat(row("select version, owner_id, idem_key, request_hash, completed, completed_at, response_body"
                + " from idempotency_record where id = ?", keyed.recordId()))
                .containsExactly(1L, MERCHANT, keyed.key().value(), keyed.fingerprint().value(), false, null, null);
        assertThat(row("select kind, payment_id, idempotency_record_id, attempts, due_at = ?, created_at = ?"
                + " from acquirer_follow_up where id = ?", at(RECOVER_AFTER), at(NOW), payment.id()))
                .containsExactly("AUTHORIZATION", payment.id(), keyed.recordId(), 0, true, true);
    }

    @Test
    void an_attempt_without_a_key_has_a_follow_up_too() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);

        assertThat(writes.recordAttempt(payment, null, NOW, RECOVER_AFTER)).isTrue();

        assertThat(row("select kind, idempotency_record_id from acquirer_follow_up where payment_id = ?", payment.id()))
                .containsExactly("AUTHORIZATION", null);
    }

    @Test
    void an_unknown_outcome_recorded_without_its_key_keeps_the_follow_up_and_the_key_in_progress() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);
        KeyedRequest keyed = newKey();
        writes.recordAttempt(payment, keyed, NOW, RECOVER_AFTER);
        payment.outcomeUnknown(LATER);

        assertThat(writes.recordOutcome(payment, null, null, null, null, LATER)).isEqualTo(Stored.ALL);

        assertThat(row("select status from payment where id = ?", payment.id())).containsExactly("UNKNOWN");
        assertThat(count("select count(*) from acquirer_follow_up where id = ?", payment.id())).isEqualTo(1);
        assertThat(row("select completed from idempotency_record where id = ?", keyed.recordId()))
                .containsExactly(false);
    }

    @Test
    void an_attempt_whose_key_is_taken_records_nothing() throws SQLException {
        KeyedRequest keyed = newKey();
        Payment first = newPayment(CaptureMode.AUTOMATIC);
        Payment second = newPayment(CaptureMode.AUTOMATIC);
        assertThat(writes.recordAttempt(first, keyed, NOW, RECOVER_AFTER)).isTrue();

        assertThat(writes.recordAttempt(second, keyed, LATER, RECOVER_AFTER)).isFalse();

        assertThat(second.version()).isZero();
        assertThat(count("select count(*) from payment where id in (?, ?)", first.id(), second.id())).isEqualTo(1);
        assertThat(row("select created_at = ? from idempotency_record where id = ?", at(NOW),
                keyed.recordId())).containsExactly(true);
    }

    @Test
    void an_approved_answer_stores_the_new_state_the_capture_journal_and_the_response_together() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);
        KeyedRequest keyed = newKey();
        writes.recordAttempt(payment, keyed, NOW, RECOVER_AFTER);
        Journal capture = payment.approveAndCapture("711500", "sbx_ref_1", "US", LATER);
        StoredResponse response = response(payment);

        assertThat(writes.recordOutcome(payment, capture, keyed, response, null, LATER)).isEqualTo(Stored.ALL);

        assertThat(payment.version()).isEqualTo(2);
        assertThat(row("select version, status, amount_capturable, amount_captured, authorization_code,"
                + " acquirer_reference, card_country, updated_at = ? from payment where id = ?",
                at(LATER), payment.id()))
                .containsExactly(2L, "CAPTURED", 0L, 1999L, "711500", "sbx_ref_1", "US", true);
        assertThat(row("select id, type, merchant_id, created_at = ? from ledger_journal where payment_id = ?",
                at(LATER), payment.id()))
                .containsExactly(capture.id(), "CAPTURE", MERCHANT, true);
        assertThat(rows("select id, account, merchant_id, currency, amount from ledger_posting where journal_id = ?"
                + " order by amount desc", capture.id()))
                .containsExactly(
                        List.of(capture.postings().get(0).id(), "ACQUIRER_RECEIVABLE", MERCHANT, "USD", 1999L),
                        List.of(capture.postings().get(1).id(), "MERCHANT_PAYABLE", MERCHANT, "USD", -1999L));
        List<Object> stored = row("select version, completed, response_status, response_content_type,"
                + " response_location, response_body, completed_at = ? from idempotency_record where id = ?",
                at(LATER), keyed.recordId());
        assertThat(stored).hasSize(7);
        assertThat(stored.subList(0, 5)).containsExactly(2L, true, 201, "application/json",
                "/api/v1/payments/" + payment.id());
        assertThat((byte[]) stored.get(5)).isEqualTo(response.body());
        assertThat(stored.get(6)).isEqualTo(true);
        assertThat(count("select count(*) from acquirer_follow_up where id = ?", payment.id()))
                .as("the answer is on record: nothing left to recover").isZero();
    }

    @Test
    void an_answer_for_a_payment_that_moved_on_writes_nothing() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);
        KeyedRequest keyed = newKey();
        writes.recordAttempt(payment, keyed, NOW, RECOVER_AFTER);
        update("update payment set version = version + 1, status = 'UNKNOWN' where id = ?", payment.id());
        Journal capture = payment.approveAndCapture("711500", "sbx_ref_1", "US", LATER);

        assertThat(writes.recordOutcome(payment, capture, keyed, response(payment), null, LATER))
                .isEqualTo(Stored.NOTHING_PAYMENT_CHANGED);

        assertThat(payment.version()).isEqualTo(1);
        assertThat(row("select version, status, amount_captured from payment where id = ?", payment.id()))
                .containsExactly(2L, "UNKNOWN", 0L);
        assertThat(count("select count(*) from ledger_journal where payment_id = ?", payment.id())).isZero();
        assertThat(count("select count(*) from ledger_posting where journal_id = ?", capture.id())).isZero();
        assertThat(row("select completed, completed_at from idempotency_record where id = ?", keyed.recordId()))
                .containsExactly(false, null);
        assertThat(count("select count(*) from acquirer_follow_up where id = ?", payment.id())).isEqualTo(1);
    }

    @Test
    void an_answer_whose_key_is_no_longer_in_progress_still_records_the_payment_and_its_journal() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);
        KeyedRequest keyed = newKey();
        writes.recordAttempt(payment, keyed, NOW, RECOVER_AFTER);
        update("delete from idempotency_record where id = ?", keyed.recordId());
        Journal capture = payment.approveAndCapture("711500", "sbx_ref_1", "US", LATER);

        assertThat(writes.recordOutcome(payment, capture, keyed, response(payment), null, LATER))
                .isEqualTo(Stored.WITHOUT_RESPONSE);

        assertThat(row("select version, status from payment where id = ?", payment.id())).containsExactly(2L, "CAPTURED");
        assertThat(count("select count(*) from ledger_posting where journal_id = ?", capture.id())).isEqualTo(2);
    }

    @Test
    void a_decline_without_a_key_stores_the_code_and_posts_nothing() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);
        assertThat(writes.recordAttempt(payment, null, NOW, RECOVER_AFTER)).isTrue();
        payment.decline(DeclineCode.INSUFFICIENT_FUNDS, "GB", LATER);

        assertThat(writes.recordOutcome(payment, null, null, null, null, LATER)).isEqualTo(Stored.ALL);

        assertThat(row("select version, status, decline_code, card_country from payment where id = ?", payment.id()))
                .containsExactly(2L, "DECLINED", "INSUFFICIENT_FUNDS", "GB");
        assertThat(count("select count(*) from ledger_journal where payment_id = ?", payment.id())).isZero();
    }

    @Test
    void a_manual_approval_holds_the_amount_and_a_second_answer_for_the_same_state_is_refused() throws SQLException {
        Payment payment = newPayment(CaptureMode.MANUAL);
        writes.recordAttempt(payment, null, NOW, RECOVER_AFTER);
        Payment stale = copyOfStoredAttempt(payment);
        Journal hold = payment.approve("A1B2C3", "sbx_ref_2", null, LATER);
        assertThat(writes.recordOutcome(payment, hold, null, null, null, LATER)).isEqualTo(Stored.ALL);

        Journal again = stale.approve("A1B2C3", "sbx_ref_2", null, LATER);
        assertThat(writes.recordOutcome(stale, again, null, null, null, LATER)).isEqualTo(Stored.NOTHING_PAYMENT_CHANGED);

        assertThat(row("select version, status, amount_capturable from payment where id = ?", payment.id()))
                .containsExactly(2L, "AUTHORIZED", 1999L);
        assertThat(rows("select type from ledger_journal where payment_id = ?", payment.id()))
                .containsExactly(List.of("AUTHORIZATION_HOLD"));
        assertThat(count("select coalesce(sum(amount), 0) from ledger_posting where journal_id = ?", hold.id())).isZero();
    }

    @Test
    void an_attempt_reads_the_customers_earlier_countries_in_its_own_statement_when_asked() throws SQLException {
        update("delete from risk_customer_country where merchant_id = ?", MERCHANT);
        update("insert into risk_customer_country (merchant_id, customer_id, country, first_seen_at) values"
                + " (?, 'c-1', 'US', now()), (?, 'c-1', 'CA', now()), (?, 'c-2', 'FR', now())", MERCHANT, MERCHANT,
                MERCHANT);
        Payment keyedPayment = newPayment(CaptureMode.AUTOMATIC);
        KeyedRequest keyed = newKey();
        Payment unkeyed = newPayment(CaptureMode.AUTOMATIC);
        Payment taken = newPayment(CaptureMode.AUTOMATIC);

        assertThat(writes.recordAttempt(keyedPayment, keyed, NOW, RECOVER_AFTER, true))
                .isEqualTo(new PaymentWrites.Attempt(true, Set.of("US", "CA")));
        assertThat(writes.recordAttempt(unkeyed, null, NOW, RECOVER_AFTER, true))
                .isEqualTo(new PaymentWrites.Attempt(true, Set.of("US", "CA")));
        assertThat(writes.recordAttempt(taken, keyed, LATER, RECOVER_AFTER, true).recorded()).isFalse();

        assertThat(keyedPayment.version()).isEqualTo(1);
        assertThat(unkeyed.version()).isEqualTo(1);
        assertThat(count("select count(*) from acquirer_follow_up where payment_id in (?, ?)", keyedPayment.id(),
                unkeyed.id())).isEqualTo(2);
        assertThat(count("select count(*) from payment where id = ?", taken.id())).isZero();
        assertThat(writes.recordAttempt(newPayment(CaptureMode.AUTOMATIC), null, NOW, RECOVER_AFTER, false))
                .as("not asked").isEqualTo(new PaymentWrites.Attempt(true, Set.of()));
    }

    @Test
    void the_risk_assessment_is_written_with_the_attempt_and_again_with_the_outcome() throws SQLException {
        Payment payment = newPayment(CaptureMode.AUTOMATIC);
        payment.reassess(RiskAssessment.of(40, RiskDecision.REVIEW, List.of("country_mismatch", "amount_above_limit")));
        writes.recordAttempt(payment, null, NOW, RECOVER_AFTER);
        assertThat(row("select risk_score, risk_decision, risk_rules from payment where id = ?", payment.id()))
                .containsExactly(40, "review", "country_mismatch,amount_above_limit");

        payment.reassess(RiskAssessment.of(30, RiskDecision.STEP_UP, List.of("new_country_for_customer")));
        payment.requireChallenge("sbx_3ds_1", "US", LATER);
        assertThat(writes.recordOutcome(payment, null, null, null, null, LATER)).isEqualTo(Stored.ALL);

        assertThat(row("select status, risk_score, risk_decision, risk_rules from payment where id = ?", payment.id()))
                .containsExactly("REQUIRES_ACTION", 30, "step_up", "new_country_for_customer");
    }

    // ---- helpers

    private static Payment newPayment(CaptureMode captureMode) {
        Card card = new Card(CardNumber.parse("4242424242424242"), ExpiryDate.of(12, 2030, YearMonth.of(2026, 11)),
                CardVerificationCode.parse("123", CardBrand.VISA), "A B");
        PaymentDetails details = new PaymentDetails("order-123", "Two coffees", Metadata.of(Map.of("k", "v")),
                new Customer("c-1", "a@b.c", "203.0.113.9", "US"));
        return Payment.startCardPayment(MERCHANT, Money.of(1999, CurrencyCode.of("USD")), captureMode, details,
                CardSnapshot.of(card, new InternalCardFingerprint("i1.internal_4242"),
                new MerchantCardFingerprint("f1.shown_4242")), NOW);
    }

    /** A second copy of a payment as its attempt was stored: what a concurrent transaction would hold. */
    private Payment copyOfStoredAttempt(Payment payment) {
        Payment copy = newPayment(payment.captureMode());
        try {
            for (String field : List.of("id", "version")) {
                var f = Payment.class.getDeclaredField(field);
                f.setAccessible(true);
                f.set(copy, f.get(payment));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return copy;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private KeyedRequest newKey() {
        String key = "writes-it-" + System.nanoTime() + "-" + (++keys);
        return new KeyedRequest(MERCHANT, new IdempotencyKey(key),
                RequestFingerprint.of("r1i1." + key));
    }

    private static StoredResponse response(Payment payment) {
        return new StoredResponse(201, "application/json",
                ("{\"id\":\"" + payment.id() + "\",\"status\":\"" + payment.status() + "\"}").getBytes(StandardCharsets.UTF_8),
                "/api/v1/payments/" + payment.id());
    }

    private static void update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepared(c, sql, params)) {
            s.executeUpdate();
        }
    }

    private static long count(String sql, Object... params) throws SQLException {
        return ((Number) row(sql, params).get(0)).longValue();
    }

    private static List<Object> row(String sql, Object... params) throws SQLException {
        List<List<Object>> rows = rows(sql, params);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private static List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepared(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
