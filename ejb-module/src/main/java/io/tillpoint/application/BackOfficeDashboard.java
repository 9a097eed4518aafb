package io.tillpoint.application;

import io.tillpoint.domain.model.console.ConsoleAction;
import io.tillpoint.domain.model.console.ConsoleCaller;
import io.tillpoint.domain.model.console.PaymentStatistics;
import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The dashboard: volume, approval rate, declines by code, refunds and the review queue's length
 * over a period, per merchant and currency, from the hourly summaries ({@link DashboardRefresh}).
 * Periods up to two days come in hours, longer ones in days.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BackOfficeDashboard {

    public static final Duration LONGEST = Duration.ofDays(366);

    @Inject
    PaymentStatistics statistics;

    @Inject
    Clock clock;

    /** The figures of one period: its buckets, its top declines and the reviews open now. */
    public record Figures(Instant from, Instant to, boolean daily, List<PaymentStatistics.Bucket> buckets,
            List<PaymentStatistics.DeclineCount> declines, long inReview) {

        public long approved() {
            return buckets.stream().mapToLong(PaymentStatistics.Bucket::approved).sum();
        }

        public long declined() {
            return buckets.stream().mapToLong(PaymentStatistics.Bucket::declined).sum();
        }

        public long refunds() {
            return buckets.stream().mapToLong(PaymentStatistics.Bucket::refunds).sum();
        }

        /** Approved of approved and declined, in basis points (pending ones are not decided yet); -1 without any. */
        public long approvalRateBps() {
            long decided = approved() + declined();
            return decided == 0 ? -1 : approved() * 10_000 / decided;
        }
    }

    /** The last {@code period}, up to now. */
    public Figures figures(ConsoleCaller caller, Duration period, String merchantId, String currency) {
        caller.require(ConsoleAction.VIEW_DASHBOARD);
        if (period.isNegative() || period.isZero() || period.compareTo(LONGEST) > 0) {
            throw new InvalidInputException("period", "must be from an hour to a year");
        }
        boolean daily = period.compareTo(Duration.ofDays(2)) > 0;
        Instant to = clock.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant from = daily ? to.minus(period).truncatedTo(ChronoUnit.DAYS) : to.minus(period);
        String merchant = blankToNull(merchantId);
        String cur = blankToNull(currency);
        return new Figures(from, to, daily, statistics.buckets(from, to, daily, merchant, cur),
                statistics.declines(from, to, merchant, cur, 10), statistics.inReview(merchant));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
