package io.tillpoint.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tillpoint.domain.model.risk.AmountsByCurrency;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.BlocklistKind;
import io.tillpoint.domain.model.risk.Condition;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.Freezes;
import io.tillpoint.domain.model.risk.MerchantAmounts;
import io.tillpoint.domain.model.risk.PaymentFacts;
import io.tillpoint.domain.model.risk.RiskAction;
import io.tillpoint.domain.model.risk.RiskHistory;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.risk.RiskSnapshot;
import io.tillpoint.domain.model.risk.SubjectKind;
import io.tillpoint.domain.model.risk.VelocityCount;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Risk control's stores on a real PostgreSQL with the gateway's migrations: rule versions, the
 * blocklist, freezes, the snapshot every instance reloads (one consistent read with its counter),
 * and the consumer's history: its counts per subject and window, and the merchants' usual amounts
 * kept by SQL exactly as {@link MerchantAmounts} computes them.
 */
class RiskStoresIT {

    private static final String URL = System.getProperty("tillpoint.it.db.url",
            "jdbc:postgresql://127.0.0.1:18433/tillpoint_writes_it");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static PGSimpleDataSource dataSource;

    private final JdbcRiskRules rules = new JdbcRiskRules();
    private final JdbcBlocklist blocklist = new JdbcBlocklist();
    private final JdbcFreezes freezes = new JdbcFreezes();
    private final JdbcRiskChanges changes = new JdbcRiskChanges();
    private final JdbcRiskHistory history = new JdbcRiskHistory();
    private final String merchant = "mer_risk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void theGatewaysSchema() {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setUser(System.getProperty("tillpoint.it.db.user", "tillpoint"));
        dataSource.setPassword(System.getProperty("tillpoint.it.db.password", "tillpoint-it"));
        Flyway.configure(RiskStoresIT.class.getClassLoader()).dataSource(dataSource)
                .locations(SchemaMigrator.LOCATION).load().migrate();
    }

    @BeforeEach
    void onTheTestDatabase() {
        rules.dataSource = dataSource;
        blocklist.dataSource = dataSource;
        freezes.dataSource = dataSource;
        changes.dataSource = dataSource;
        history.dataSource = dataSource;
    }

    @Test
    void a_rule_change_is_a_new_version_and_the_current_rule_is_the_highest() {
        Condition limit = new Condition.AmountAbove(AmountsByCurrency.of(Map.of("ISK", 1000L), "limits"));
        RiskRule first = RiskRule.create("stores_" + merchant, true, 7, limit, 50, RiskAction.BLOCK, null, NOW, "it");
        RiskRule second = first.nextVersion(first.name(), false, 8, limit, 60, RiskAction.REVIEW, null, NOW, "it2");

        assertThat(rules.add(first)).isTrue();
        assertThat(rules.add(second)).isTrue();
        assertThat(rules.add(second)).as("that version exists").isFalse();

        assertThat(rules.find(first.id())).contains(second);
        assertThat(rules.versions(first.id())).containsExactly(second, first);
        assertThat(rules.current()).contains(second).doesNotContain(first);
        assertThat(rules.current()).extracting(RiskRule::name).contains("country_mismatch", "failure_streak_card");
        assertThat(rules.nameTaken(first.name(), null)).isTrue();
        assertThat(rules.nameTaken(first.name(), first.id())).isFalse();
    }

    @Test
    void the_snapshot_holds_what_is_active_with_the_counter_it_was_read_at() throws SQLException {
        long before = changes.counter();
        BlocklistEntry email = BlocklistEntry.newEntry(BlocklistKind.EMAIL, merchant + "@example.com", null, "x", NOW,
                "it");
        BlocklistEntry removed = BlocklistEntry.newEntry(BlocklistKind.BIN, "999999", null, "x", NOW, "it");
        Freeze merchantFreeze = Freeze.byAnalyst(SubjectKind.MERCHANT, merchant, null, null, null, "x", NOW,
                NOW.plus(Duration.ofHours(1)), "it");
        blocklist.add(email);
        blocklist.add(removed);
        freezes.add(merchantFreeze);
        assertThat(blocklist.remove(removed.id(), NOW, "it", "done")).isTrue();
        assertThat(blocklist.remove(removed.id(), NOW, "it", "again")).isFalse();
        inTransaction("update risk_change set counter = counter + 1 where id = 1");

        RiskSnapshot snapshot = changes.snapshot();
        assertThat(snapshot.counter()).isEqualTo(before + 1);
        PaymentFacts facts = new PaymentFacts(merchant, Money.of(100, CurrencyCode.of("USD")), "i1.x", "999999",
                "US", null, merchant.toUpperCase() + "@example.com", null, null);
        assertThat(snapshot.screen(facts, Instant.now()).assessment().rules())
                .containsExactly("frozen_merchant", "blocklist_email");

        assertThat(freezes.lift(merchantFreeze.id(), NOW, "it", "ok")).isTrue();
        assertThat(freezes.lift(merchantFreeze.id(), NOW, "it", "ok")).isFalse();
        assertThat(changes.snapshot().screen(facts, Instant.now()).assessment().rules())
                .containsExactly("blocklist_email");
        assertThat(blocklist.findActive(BlocklistKind.EMAIL, email.value(), null)).contains(email);
        assertThat(blocklist.listActive(BlocklistKind.EMAIL, null, 100)).contains(email);
        assertThat(freezes.find(merchantFreeze.id()).orElseThrow().status(Instant.now())).isEqualTo("lifted");
    }

    @Test
    void a_freeze_is_active_for_its_subject_and_scope_until_it_ends() {
        Freeze card = new Freeze("frz_" + UUID.randomUUID().toString().replace("-", ""), SubjectKind.CARD,
                "i1." + merchant, merchant, "400000", null, null, null, "failure_streak_card", "x", NOW, "tillpoint",
                NOW.plus(Duration.ofMinutes(30)), null, null, null);
        freezes.add(card);

        assertThat(freezes.activeFor(SubjectKind.CARD, "i1." + merchant, merchant, NOW.plusSeconds(1))).isTrue();
        assertThat(freezes.activeFor(SubjectKind.CARD, "i1." + merchant, null, NOW.plusSeconds(1)))
                .as("frozen at one merchant only").isFalse();
        assertThat(freezes.activeFor(SubjectKind.CARD, "i1." + merchant, merchant, NOW.plus(Duration.ofMinutes(31))))
                .isFalse();
        assertThat(freezes.list(Freezes.Listed.ALL, NOW, null, 100)).contains(card);
    }

    @Test
    void the_history_counts_one_subject_within_a_window_and_small_amounts_by_currency() {
        String fingerprint = "i1." + merchant;
        String ip = "2001:db8::" + Integer.toHexString(merchant.hashCode() & 0xffff);
        record("a", fingerprint, ip, 300, "USD", false, NOW.minusSeconds(700));
        record("b", fingerprint, ip, 300, "USD", false, NOW.minusSeconds(300));
        record("c", fingerprint, ip, 450, "USD", true, NOW.minusSeconds(200));
        record("d", "i1.other" + merchant, ip, 90_000, "USD", false, NOW.minusSeconds(100));
        record("e", "i1.third" + merchant, ip, 200, "EUR", false, NOW.minusSeconds(50));
        assertThat(history.record(attempt("a", fingerprint, ip, 300, "USD", false, NOW), null)).as("once a payment")
                .isFalse();

        Instant from = NOW.minus(Duration.ofMinutes(10));
        assertThat(history.count(SubjectKind.CARD, fingerprint, null, from, NOW, null))
                .isEqualTo(new VelocityCount(2, 1, 1));
        assertThat(history.count(SubjectKind.CARD, fingerprint, "mer_elsewhere", from, NOW, null))
                .isEqualTo(new VelocityCount(0, 0, 0));
        assertThat(history.count(SubjectKind.IP, ip, null, from, NOW, null)).isEqualTo(new VelocityCount(4, 3, 3));
        assertThat(history.count(SubjectKind.IP, ip, null, from, NOW,
                AmountsByCurrency.of(Map.of("USD", 500L), "small"))).isEqualTo(new VelocityCount(2, 1, 1));
        assertThat(history.count(SubjectKind.MERCHANT, merchant, null, from, NOW,
                AmountsByCurrency.of(Map.of("USD", 500L, "EUR", 500L), "small"))).isEqualTo(new VelocityCount(3, 2, 2));
        assertThat(history.count(SubjectKind.CUSTOMER, "cust", merchant, from, NOW, null))
                .isEqualTo(new VelocityCount(4, 3, 3));
    }

    @Test
    void the_usual_amounts_kept_in_sql_are_those_merchant_amounts_computes() throws SQLException {
        long[] amounts = {1200, 800, 45_000, 1999, 350, 12_000};
        MerchantAmounts expected = MerchantAmounts.NONE;
        int n = 0;
        for (long a : amounts) {
            assertThat(history.record(new RiskHistory.Attempt("pay_" + merchant + "u" + (++n), merchant, "i1.u", "424242",
                    null, null, a, "USD", true, null, NOW), null)).isTrue();
            expected = expected.with(a);
        }
        assertThat(history.record(new RiskHistory.Attempt("pay_" + merchant + "u1", merchant, "i1.u", "424242", null,
                null, 99_999, "USD", true, null, NOW), null)).as("a payment's later event teaches nothing").isFalse();
        assertThat(history.record(new RiskHistory.Attempt("pay_" + merchant + "d", merchant, "i1.u", "424242", null,
                null, 99_999, "USD", false, "card_declined", NOW), null)).as("a decline teaches nothing").isTrue();
        MerchantAmounts stored = usualAmounts(merchant, "USD");

        assertThat(stored.payments()).isEqualTo(expected.payments());
        assertThat(stored.logMean()).isCloseTo(expected.logMean(), within(1e-9));
        assertThat(stored.logM2()).isCloseTo(expected.logM2(), within(1e-9));
    }

    @Test
    void a_batch_records_each_payment_once_and_teaches_the_usual_amounts_and_countries_as_one_by_one_would()
            throws SQLException {
        long[] before = {1200, 800};
        long[] batch = {45_000, 1999, 350, 12_000};
        MerchantAmounts expected = MerchantAmounts.NONE;
        int n = 0;
        for (long a : before) {
            history.record(new RiskHistory.Attempt("pay_" + merchant + "b" + (++n), merchant, "i1.b", "424242", null,
                    null, a, "USD", true, null, NOW), null);
            expected = expected.with(a);
        }
        List<RiskHistory.Recorded> attempts = new ArrayList<>();
        for (long a : batch) {
            attempts.add(new RiskHistory.Recorded(new RiskHistory.Attempt("pay_" + merchant + "b" + (++n), merchant,
                    "i1.b", "424242", "c-9", null, a, "USD", true, null, NOW), n % 2 == 0 ? "US" : "DE"));
            expected = expected.with(a);
        }
        String first = "pay_" + merchant + "b3";
        attempts.add(new RiskHistory.Recorded(new RiskHistory.Attempt(first, merchant, "i1.b", "424242", "c-9", null,
                99_999, "USD", true, null, NOW), "FR"));
        attempts.add(new RiskHistory.Recorded(new RiskHistory.Attempt("pay_" + merchant + "b1", merchant, "i1.b",
                "424242", "c-9", null, 99_999, "USD", true, null, NOW), "FR"));
        attempts.add(new RiskHistory.Recorded(new RiskHistory.Attempt("pay_" + merchant + "bd", merchant, "i1.b",
                "424242", "c-9", null, 99_999, "JPY", false, "card_declined", NOW), "BR"));

        Set<String> recorded = history.recordAll(attempts);

        assertThat(recorded).containsExactlyInAnyOrder("pay_" + merchant + "b3", "pay_" + merchant + "b4",
                "pay_" + merchant + "b5", "pay_" + merchant + "b6", "pay_" + merchant + "bd");
        MerchantAmounts stored = usualAmounts(merchant, "USD");
        assertThat(stored.payments()).as("a payment's second outcome and one on record before teach nothing")
                .isEqualTo(expected.payments());
        assertThat(stored.logMean()).isCloseTo(expected.logMean(), within(1e-9));
        assertThat(stored.logM2()).isCloseTo(expected.logM2(), within(1e-9));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select string_agg(country, ',' order by country)"
                        + " from risk_customer_country where merchant_id = ? and customer_id = 'c-9'");
                PreparedStatement amounts = c.prepareStatement("select amount from risk_attempt where payment_id = ?")) {
            s.setString(1, merchant);
            var rs = s.executeQuery();
            rs.next();
            assertThat(rs.getString(1)).as("approvals' countries only, a payment's first outcome's").isEqualTo("DE,US");
            amounts.setString(1, first);
            var amount = amounts.executeQuery();
            amount.next();
            assertThat(amount.getLong(1)).as("the first outcome in the batch is the one recorded").isEqualTo(45_000);
        }
        assertThat(history.recordAll(attempts)).as("the same batch again").isEmpty();
        assertThat(usualAmounts(merchant, "USD").payments()).isEqualTo(expected.payments());
    }

    @Test
    void a_customers_countries_are_noted_once_each_from_approvals_only() throws SQLException {
        int n = 0;
        for (String country : new String[] {"US", "US", "DE"}) {
            history.record(new RiskHistory.Attempt("pay_" + merchant + "c" + (++n), merchant, "i1.c", "424242", "c-1",
                    null, 1000, "USD", true, null, NOW), country);
        }
        history.record(new RiskHistory.Attempt("pay_" + merchant + "cx", merchant, "i1.c", "424242", "c-1", null, 1000,
                "USD", false, "card_declined", NOW), "FR");

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from risk_customer_country"
                        + " where merchant_id = ? and customer_id = 'c-1'")) {
            s.setString(1, merchant);
            var rs = s.executeQuery();
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
    }

    private void record(String payment, String fingerprint, String ip, long amount, String currency, boolean approved,
            Instant at) {
        assertThat(history.record(attempt(payment, fingerprint, ip, amount, currency, approved, at), null)).isTrue();
    }

    private RiskHistory.Attempt attempt(String payment, String fingerprint, String ip, long amount, String currency,
            boolean approved, Instant at) {
        return new RiskHistory.Attempt("pay_" + merchant + payment, merchant, fingerprint, "400000", "cust", ip, amount,
                currency, approved, approved ? null : "card_declined", at);
    }

    private static void inTransaction(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static MerchantAmounts usualAmounts(String merchantId, String currency) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select payments, log_mean, log_m2 from risk_merchant_amount"
                        + " where merchant_id = ? and currency = ?")) {
            s.setString(1, merchantId);
            s.setString(2, currency);
            var rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            return new MerchantAmounts(rs.getLong(1), rs.getDouble(2), rs.getDouble(3));
        }
    }
}
