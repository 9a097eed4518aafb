package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Duration;

/**
 * A rule's condition: one kind and its parameters, each checked where it is made (so the admin
 * API and the stored rules agree on what is valid). Parameter names are the JSON fields of the
 * admin API's {@code condition} object.
 */
public sealed interface Condition {

    ConditionKind kind();

    /** The longest counting window a velocity rule may have: the history keeps a day. */
    Duration MAX_WINDOW = Duration.ofHours(24);

    /**
     * The payer's country (the customer's, or the IP address's) is not the card's issuing
     * country, and the amount is at least the currency's threshold ({@code thresholds}).
     */
    record CountryMismatch(AmountsByCurrency thresholds) implements Condition {
        @Override
        public ConditionKind kind() {
            return ConditionKind.COUNTRY_MISMATCH;
        }

        boolean holdsFor(PaymentFacts f) {
            Long threshold = thresholds.of(f.amount().currency());
            return threshold != null && f.amount().minorUnits() >= threshold && f.payerCountry() != null
                    && f.cardCountry() != null && !f.payerCountry().equals(f.cardCountry());
        }
    }

    /** The amount is above the currency's limit ({@code limits}). */
    record AmountAbove(AmountsByCurrency limits) implements Condition {
        @Override
        public ConditionKind kind() {
            return ConditionKind.AMOUNT_ABOVE;
        }

        boolean holdsFor(PaymentFacts f) {
            Long limit = limits.of(f.amount().currency());
            return limit != null && f.amount().minorUnits() > limit;
        }
    }

    /**
     * The amount is far above the merchant's usual range in its currency: its logarithm more than
     * {@code deviations} standard deviations above the mean of the merchant's approved amounts,
     * once the merchant has at least {@code minPayments} of them ({@link MerchantAmounts}).
     */
    record AmountUnusual(double deviations, int minPayments) implements Condition {
        public AmountUnusual {
            if (!(deviations >= 1 && deviations <= 20)) {
                throw new InvalidInputException("condition.deviations", "must be a number from 1 to 20");
            }
            if (minPayments < 2 || minPayments > 1_000_000) {
                throw new InvalidInputException("condition.min_payments", "must be from 2 to 1000000");
            }
        }

        @Override
        public ConditionKind kind() {
            return ConditionKind.AMOUNT_UNUSUAL;
        }

        boolean holdsFor(PaymentFacts f, MerchantAmounts usual) {
            return usual != null && usual.payments() >= minPayments
                    && usual.isFarAbove(f.amount().minorUnits(), deviations);
        }
    }

    /**
     * A customer (by the merchant's customer id) with earlier approved payments pays from a
     * country none of them came from.
     */
    record NewCountry() implements Condition {
        @Override
        public ConditionKind kind() {
            return ConditionKind.NEW_COUNTRY;
        }
    }

    /** At least {@code declines} declined attempts of one {@code subject} within {@code window}. */
    record FailureStreak(SubjectKind subject, int declines, Duration window) implements Condition {
        public FailureStreak {
            if (subject == SubjectKind.MERCHANT) {
                throw new InvalidInputException("condition.subject", "must be one of card, customer, ip");
            }
            if (declines < 2 || declines > 10_000) {
                throw new InvalidInputException("condition.declines", "must be from 2 to 10000");
            }
            requireWindow(window);
        }

        @Override
        public ConditionKind kind() {
            return ConditionKind.FAILURE_STREAK;
        }

        public boolean holdsFor(VelocityCount count) {
            return count.declined() >= declines;
        }
    }

    /**
     * Card testing: from one {@code subject} (an IP address or a merchant) within {@code window},
     * at least {@code attempts} small authorizations (at most {@code smallAmounts} of their
     * currency), on at least {@code distinctCards} different cards, of which at least
     * {@code minDeclineRatio} were declined (0: any).
     */
    record CardTesting(SubjectKind subject, int attempts, int distinctCards, AmountsByCurrency smallAmounts,
            Duration window, double minDeclineRatio) implements Condition {
        public CardTesting {
            if (subject != SubjectKind.IP && subject != SubjectKind.MERCHANT) {
                throw new InvalidInputException("condition.subject", "must be one of ip, merchant");
            }
            if (attempts < 2 || attempts > 100_000) {
                throw new InvalidInputException("condition.attempts", "must be from 2 to 100000");
            }
            if (distinctCards < 2 || distinctCards > attempts) {
                throw new InvalidInputException("condition.distinct_cards", "must be from 2 to attempts");
            }
            requireWindow(window);
            if (!(minDeclineRatio >= 0 && minDeclineRatio <= 1)) {
                throw new InvalidInputException("condition.min_decline_ratio", "must be a number from 0 to 1");
            }
        }

        @Override
        public ConditionKind kind() {
            return ConditionKind.CARD_TESTING;
        }

        public boolean holdsFor(VelocityCount count) {
            return count.attempts() >= attempts && count.distinctCards() >= distinctCards
                    && count.declined() >= Math.ceil(minDeclineRatio * count.attempts());
        }
    }

    private static void requireWindow(Duration window) {
        if (window == null || window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("condition.window_minutes", "must be from 1 to 1440");
        }
    }
}
