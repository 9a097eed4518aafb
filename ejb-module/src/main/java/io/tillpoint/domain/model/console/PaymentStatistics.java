package io.tillpoint.domain.model.console;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard's figures, from hourly summaries (never a scan of the payments): per time bucket
 * the approved, declined and pending payments with their amounts and the refunds, the declines by
 * code, and the payments held for review now. Optional merchant and currency filters (null: all).
 */
public interface PaymentStatistics {

    /** One bucket (an hour or a day) of one currency. */
    record Bucket(Instant start, String currency, long approved, long approvedAmount, long declined, long pending,
            long refunds, long refundedAmount) {
    }

    record DeclineCount(String code, long payments) {
    }

    List<Bucket> buckets(Instant from, Instant to, boolean daily, String merchantId, String currency);

    List<DeclineCount> declines(Instant from, Instant to, String merchantId, String currency, int limit);

    long inReview(String merchantId);

    /** Rebuilds the summaries of the hours from {@code since} on from the payments and refunds; false when another instance is at it. */
    boolean refresh(Instant since);

    /** The earliest hour the summaries must be rebuilt from to be complete (null: they are, up to the recent hours). */
    Instant firstBuild();
}
