package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.acquiring.AcquirerConnector;
import io.tillpoint.domain.model.acquiring.AuthorizationRequest;
import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.acquiring.InquiryResult;
import io.tillpoint.domain.model.acquiring.OperationRequest;
import io.tillpoint.domain.model.acquiring.OperationResult;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditQuery;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.card.CardFingerprints;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.MerchantCardFingerprint;
import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.model.risk.AmountsByCurrency;
import io.tillpoint.domain.model.risk.Condition;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.Freezes;
import io.tillpoint.domain.model.risk.MerchantAmounts;
import io.tillpoint.domain.model.risk.PaymentFacts;
import io.tillpoint.domain.model.risk.RiskAction;
import io.tillpoint.domain.model.risk.RiskChanges;
import io.tillpoint.domain.model.risk.RiskDecision;
import io.tillpoint.domain.model.risk.RiskHistory;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.risk.RiskSnapshot;
import io.tillpoint.domain.model.risk.SubjectKind;
import io.tillpoint.domain.model.risk.VelocityCount;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.infrastructure.risk.IpCountryTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The risk consumer's decisions on the outcomes it is told: the default velocity rules freeze a
 * card after three declines in ten minutes (once), an IP address after a burst of small
 * authorizations on different cards, a public test card at one merchant only; approvals teach
 * the customer's countries and the merchant's usual amounts; blocked attempts are not counted.
 */
class RiskMonitorTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String MERCHANT = "mer_shop";

    static RiskRule rule(String name, Condition condition, int freezeMinutes) {
        return new RiskRule("rul_" + name.replace("_", ""), 1, name, true, 100, condition, 80, RiskAction.FREEZE,
                Duration.ofMinutes(freezeMinutes), T0, "tillpoint");
    }

    static final RiskRule CARD_STREAK = rule("failure_streak_card",
            new Condition.FailureStreak(SubjectKind.CARD, 3, Duration.ofMinutes(10)), 30);
    static final RiskRule CUSTOMER_STREAK = rule("failure_streak_customer",
            new Condition.FailureStreak(SubjectKind.CUSTOMER, 5, Duration.ofMinutes(10)), 30);
    static final RiskRule IP_TESTING = rule("card_testing_ip", new Condition.CardTesting(SubjectKind.IP, 10, 5,
            AmountsByCurrency.of(Map.of("USD", 500L), "t"), Duration.ofMinutes(10), 0), 60);

    /** The history as the JDBC one keeps it, counted in memory. */
    static final class History implements RiskHistory {
        final Map<String, Attempt> attempts = new HashMap<>();
        final Set<String> countries = new HashSet<>();
        final Map<String, MerchantAmounts> usual = new HashMap<>();

        @Override
        public boolean record(Attempt a, String payerCountry) {
            if (attempts.putIfAbsent(a.paymentId(), a) != null) {
                return false;
            }
            if (a.approved()) {
                usual.merge(a.merchantId() + "/" + a.currency(), MerchantAmounts.NONE.with(a.amount()),
                        (old, one) -> old.with(a.amount()));
                if (payerCountry != null && a.customerId() != null) {
                    countries.add(a.merchantId() + "/" + a.customerId() + "/" + payerCountry);
                }
            }
            return true;
        }

        @Override
        public VelocityCount count(SubjectKind kind, String value, String merchantId, Instant from, Instant to,
                AmountsByCurrency smallOnly) {
            List<Attempt> counted = attempts.values().stream()
                    .filter(a -> a.at().isAfter(from) && !a.at().isAfter(to))
                    .filter(a -> smallOnly == null || (smallOnly.amounts().containsKey(a.currency())
                            && a.amount() <= smallOnly.amounts().get(a.currency())))
                    .filter(a -> switch (kind) {
                        case CARD -> value.equals(a.cardFingerprint()) && (merchantId == null
                                || merchantId.equals(a.merchantId()));
                        case CUSTOMER -> value.equals(a.customerId()) && merchantId.equals(a.merchantId());
                        case IP -> value.equals(a.ip());
                        case MERCHANT -> value.equals(a.merchantId());
                    }).toList();
            return new VelocityCount(counted.size(), counted.stream().filter(a -> !a.approved()).count(),
                    counted.stream().map(Attempt::cardFingerprint).distinct().count());
        }

        @Override
        public int forgetBefore(Instant cutoff, int limit) {
            return 0;
        }
    }

    static final class FreezeStore implements Freezes {
        final List<Freeze> all = new ArrayList<>();

        @Override
        public void add(Freeze freeze) {
            all.add(freeze);
        }

        @Override
        public Optional<Freeze> find(String freezeId) {
            return all.stream().filter(f -> f.id().equals(freezeId)).findFirst();
        }

        @Override
        public boolean lift(String freezeId, Instant at, String by, String reason) {
            return false;
        }

        @Override
        public void lockSubject(SubjectKind kind, String value, String merchantId) {
        }

        @Override
        public boolean activeFor(SubjectKind kind, String value, String merchantId, Instant at) {
            return all.stream().anyMatch(f -> f.kind() == kind && f.value().equals(value)
                    && java.util.Objects.equals(f.merchantId(), merchantId) && f.activeAt(at));
        }

        @Override
        public List<Freeze> list(Listed which, Instant now, Freeze startingAfter, int limit) {
            return all;
        }
    }

    static final class Changes implements RiskChanges {
        long counter;
        final FreezeStore freezes;

        Changes(FreezeStore freezes) {
            this.freezes = freezes;
        }

        @Override
        public void recordChange() {
            counter++;
        }

        @Override
        public long counter() {
            return counter;
        }

        @Override
        public RiskSnapshot snapshot() {
            return new RiskSnapshot(counter, List.of(CARD_STREAK, CUSTOMER_STREAK, IP_TESTING), List.of(),
                    freezes.all, Map.of());
        }
    }

    /** A sandbox with one public test card. */
    static final AcquirerConnector SANDBOX = new AcquirerConnector() {
        @Override
        public CompletionStage<AuthorizationResult> authorize(AuthorizationRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<AuthorizationResult> completeChallenge(String p, String r, String c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<InquiryResult> inquire(String paymentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<OperationResult> send(OperationRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CardNumber> publicTestCards() {
            return List.of(CardNumber.parse("4000000000000002"));
        }
    };

    static final CardFingerprints FINGERPRINTS = new CardFingerprints() {
        @Override
        public InternalCardFingerprint internal(CardNumber number) {
            return new InternalCardFingerprint("i1." + number.last4());
        }

        @Override
        public MerchantCardFingerprint forMerchant(String merchantId, InternalCardFingerprint internal) {
            return new MerchantCardFingerprint("f1." + merchantId + internal.value());
        }
    };

    final History history = new History();
    final FreezeStore freezes = new FreezeStore();
    final Changes changes = new Changes(freezes);
    final List<AuditEntry> audit = new ArrayList<>();
    final List<DomainEvent> recorded = new ArrayList<>();
    final RiskControl control = new RiskControl(changes, new IpCountryTable(" "), number -> "US");
    final RiskMonitor monitor = new RiskMonitor();
    Instant clockNow = T0;

    @BeforeEach
    void wireUp() {
        monitor.history = history;
        monitor.freezes = freezes;
        monitor.changes = changes;
        monitor.control = control;
        monitor.testCards = new PublicTestCards(SANDBOX, FINGERPRINTS);
        monitor.events = recorded::add;
        monitor.audit = new AuditTrail() {
            @Override
            public void append(AuditEntry entry) {
                audit.add(entry);
            }

            @Override
            public Optional<AuditEntry> find(String entryId) {
                return Optional.empty();
            }

            @Override
            public List<AuditEntry> list(AuditQuery query) {
                return audit;
            }
        };
        monitor.clock = new Clock() {
            @Override
            public Instant now() {
                return clockNow;
            }
        };
        control.refresh();
    }

    private int payments;

    PaymentOutcome declined(String card, String customer, String ip, long amount, Instant at) {
        return new PaymentOutcome("pay_" + (++payments), MERCHANT, false, "card_declined", card, "400000", customer,
                ip, null, amount, "USD", at);
    }

    PaymentOutcome approved(String card, String customer, String ip, String country, long amount, Instant at) {
        return new PaymentOutcome("pay_" + (++payments), MERCHANT, true, null, card, "424242", customer, ip, country,
                amount, "USD", at);
    }

    @Test
    void three_declines_of_one_card_within_ten_minutes_freeze_it_for_thirty_minutes_once() {
        assertThat(monitor.observe(declined("i1.stolen", null, null, 2000, T0))).isEmpty();
        assertThat(monitor.observe(declined("i1.stolen", null, null, 2000, T0.plusSeconds(200)))).isEmpty();
        clockNow = T0.plusSeconds(400);
        List<Freeze> made = monitor.observe(declined("i1.stolen", null, null, 2000, T0.plusSeconds(400)));

        assertThat(made).hasSize(1);
        Freeze freeze = made.get(0);
        assertThat(freeze.kind()).isEqualTo(SubjectKind.CARD);
        assertThat(freeze.value()).isEqualTo("i1.stolen");
        assertThat(freeze.merchantId()).as("a card anywhere").isNull();
        assertThat(freeze.ruleName()).isEqualTo("failure_streak_card");
        assertThat(freeze.expiresAt()).isEqualTo(clockNow.plus(Duration.ofMinutes(30)));
        assertThat(changes.counter).as("every instance reloads").isEqualTo(1);
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action().name()).isEqualTo("risk_freeze.created");
            assertThat(e.actor().id()).isEqualTo("tillpoint");
        });
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.RISK_ALERT);
            assertThat(e.subjectId()).isEqualTo(freeze.id());
            assertThat(e.merchantId()).as("whose payment tipped it").isEqualTo(MERCHANT);
            assertThat(e.data()).contains("\"rule\":\"failure_streak_card\"").doesNotContain("i1.stolen");
        });

        assertThat(monitor.observe(declined("i1.stolen", null, null, 2000, T0.plusSeconds(450))))
                .as("frozen already").isEmpty();
        control.refresh();
        PaymentFacts next = new PaymentFacts("mer_other", Money.of(100, CurrencyCode.of("USD")), "i1.stolen", "400000",
                "US", null, null, null, null);
        assertThat(control.snapshot().screen(next, clockNow.plusSeconds(1)).assessment().decision())
                .as("the card's next attempt, at any merchant").isEqualTo(RiskDecision.BLOCK);
    }

    @Test
    void declines_spread_over_more_than_the_window_freeze_nothing_and_the_same_event_counts_once() {
        PaymentOutcome first = declined("i1.card", null, null, 2000, T0);
        monitor.observe(first);
        monitor.observe(first);
        monitor.observe(declined("i1.card", null, null, 2000, T0.plusSeconds(300)));
        assertThat(monitor.observe(declined("i1.card", null, null, 2000, T0.plusSeconds(601 + 300)))).isEmpty();
        assertThat(freezes.all).isEmpty();
    }

    @Test
    void risk_blocked_and_processing_errors_are_not_counted() {
        for (int i = 0; i < 5; i++) {
            monitor.observe(new PaymentOutcome("pay_b" + i, MERCHANT, false, i % 2 == 0 ? "risk_blocked"
                    : "processing_error", "i1.card", "400000", null, null, null, 100, "USD", T0.plusSeconds(i)));
        }
        assertThat(history.attempts).isEmpty();
        assertThat(freezes.all).isEmpty();
    }

    @Test
    void a_public_test_card_is_frozen_at_the_merchant_whose_payments_declined_only() {
        String testCard = FINGERPRINTS.internal(CardNumber.parse("4000000000000002")).value();
        monitor.observe(new PaymentOutcome("pay_o1", "mer_other", false, "card_declined", testCard, "400000", null,
                null, null, 100, "USD", T0));
        monitor.observe(declined(testCard, null, null, 100, T0.plusSeconds(1)));
        assertThat(monitor.observe(declined(testCard, null, null, 100, T0.plusSeconds(2))))
                .as("two at this merchant, one elsewhere").isEmpty();
        List<Freeze> made = monitor.observe(declined(testCard, null, null, 100, T0.plusSeconds(3)));

        assertThat(made).singleElement().satisfies(f -> assertThat(f.merchantId()).isEqualTo(MERCHANT));
        control.refresh();
        Money usd = Money.of(100, CurrencyCode.of("USD"));
        assertThat(control.snapshot().screen(new PaymentFacts(MERCHANT, usd, testCard, "400000", "US", null, null,
                null, null), T0.plusSeconds(4)).assessment().rules()).containsExactly("frozen_card");
        assertThat(control.snapshot().screen(new PaymentFacts("mer_other", usd, testCard, "400000", "US", null, null,
                null, null), T0.plusSeconds(4)).assessment().decision()).isEqualTo(RiskDecision.ALLOW);
    }

    @Test
    void a_burst_of_small_authorizations_from_one_ip_on_different_cards_freezes_the_ip() {
        String ip = "198.51.100.23";
        List<Freeze> made = List.of();
        for (int i = 0; i < 10; i++) {
            made = monitor.observe(approved("i1.card" + (i % 6), null, ip, null, 100 + i, T0.plusSeconds(i * 10)));
            if (i < 9) {
                assertThat(made).as("attempt " + (i + 1)).isEmpty();
            }
        }
        assertThat(made).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SubjectKind.IP);
            assertThat(f.value()).isEqualTo(ip);
            assertThat(f.expiresAt()).isEqualTo(clockNow.plus(Duration.ofMinutes(60)));
        });
    }

    @Test
    void large_amounts_are_no_card_testing() {
        for (int i = 0; i < 20; i++) {
            assertThat(monitor.observe(approved("i1.card" + i, null, "198.51.100.24", null, 50_000, T0.plusSeconds(i))))
                    .isEmpty();
        }
    }

    @Test
    void five_declines_of_one_customer_freeze_the_customer_at_its_merchant() {
        List<Freeze> made = List.of();
        for (int i = 0; i < 5; i++) {
            made = monitor.observe(declined("i1.card" + i, "c-7", null, 2000, T0.plusSeconds(i)));
        }
        assertThat(made).extracting(Freeze::kind).containsExactly(SubjectKind.CUSTOMER);
        assertThat(made.get(0).merchantId()).isEqualTo(MERCHANT);
        assertThat(made.get(0).value()).isEqualTo("c-7");
    }

    @Test
    void an_approval_teaches_the_customers_country_and_the_merchants_usual_amounts() {
        monitor.observe(approved("i1.card", "c-1", "198.51.100.9", null, 1500, T0));
        monitor.observe(approved("i1.card", "c-1", null, "DE", 2500, T0.plusSeconds(1)));
        monitor.observe(declined("i1.card", "c-1", "203.0.113.9", 99, T0.plusSeconds(2)));

        assertThat(history.countries).containsExactlyInAnyOrder(MERCHANT + "/c-1/BR", MERCHANT + "/c-1/DE");
        assertThat(history.usual.get(MERCHANT + "/USD").payments()).isEqualTo(2);
    }
}
