package io.tillpoint.application;

import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.payment.Customer;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.BlocklistKind;
import io.tillpoint.domain.model.risk.DefaultRulesTest;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.MerchantAmounts;
import io.tillpoint.domain.model.risk.RiskChanges;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.risk.RiskSnapshot;
import io.tillpoint.domain.model.risk.SubjectKind;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.infrastructure.risk.CardRangeTable;
import io.tillpoint.infrastructure.risk.IpCountryTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the synchronous risk check costs a payment: {@link RiskControl} screening (the issuing
 * country from the card range table, the payer's country from the IP table, freezes, blocklists and
 * the default rules) against a snapshot with 10,000 blocklist entries, 2,000 freezes and 1,000
 * merchants' usual amounts, one call at a time on one thread. Prints the percentiles; asserts
 * nothing (not a test: run it with {@code testbed/bench/risk-screening.sh}).
 */
public final class RiskScreeningBenchmark {

    private RiskScreeningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Instant now = Instant.now();
        List<RiskRule> rules = DefaultRulesTest.seeded();
        List<BlocklistEntry> blocklist = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            blocklist.add(BlocklistEntry.newEntry(BlocklistKind.EMAIL, "blocked" + i + "@example.com", null, "x", now,
                    "bench"));
        }
        List<Freeze> freezes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            freezes.add(Freeze.byAnalyst(SubjectKind.IP, "198.51.100." + (i % 250) + (i / 250), null, null, null, "x",
                    now, now.plus(Duration.ofHours(1)), "bench"));
        }
        Map<String, MerchantAmounts> usual = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            MerchantAmounts a = MerchantAmounts.NONE;
            for (int j = 0; j < 50; j++) {
                a = a.with(500 + 37L * j);
            }
            usual.put(RiskSnapshot.usualKey("mer_" + i, "USD"), a);
        }
        RiskSnapshot snapshot = new RiskSnapshot(1, rules, blocklist, freezes, usual);
        RiskChanges changes = new RiskChanges() {
            @Override
            public void recordChange() {
            }

            @Override
            public long counter() {
                return 1;
            }

            @Override
            public RiskSnapshot snapshot() {
                return snapshot;
            }
        };
        RiskControl control = new RiskControl(changes, new IpCountryTable(" "), new CardRangeTable(" "));
        control.refresh();

        CardNumber[] cards = {CardNumber.parse("4242424242424242"), CardNumber.parse("4000000000000101"),
                CardNumber.parse("5555555555554444")};
        Customer[] customers = {new Customer("c-1", "Ann@Example.com", "203.0.113.9", null),
                new Customer(null, null, null, "US"), null, new Customer("c-2", "bob@example.com", "2001:db8::1", "DE")};
        Money[] amounts = {Money.of(4200, CurrencyCode.of("USD")), Money.of(60_000, CurrencyCode.of("USD"))};
        InternalCardFingerprint fingerprint = new InternalCardFingerprint("i1.0123456789abcdef0123456789abcdef");
        long[] took = new long[calls];
        int decisions = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < calls; i++) {
                CardNumber card = cards[i % cards.length];
                long start = System.nanoTime();
                String country = control.issuingCountry(card);
                decisions += control.screen("mer_" + (i % 1_000), amounts[i % 5 == 0 ? 1 : 0], fingerprint, card.bin(), country,
                        customers[i % customers.length], now).assessment().score();
                took[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(took);
        System.out.printf("risk screening, %d calls (after as many to warm up): p50 %d ns, p90 %d ns, p99 %d ns,"
                + " p99.9 %d ns, max %d ns (score sum %d)%n", calls, took[calls / 2], took[calls * 9 / 10],
                took[calls * 99 / 100], took[calls * 999 / 1000], took[calls - 1], decisions);
    }
}
