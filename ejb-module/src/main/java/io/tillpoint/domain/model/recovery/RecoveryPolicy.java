package io.tillpoint.domain.model.recovery;

import io.tillpoint.domain.model.acquiring.InquiryResult;
import io.tillpoint.domain.model.payment.DeclineCode;
import java.time.Duration;
import java.time.Instant;

/**
 * When unknown outcomes are taken up and how often they are asked about again.
 *
 * @param delay      how long an outcome may stay unknown before recovery takes it up (the
 *                   request itself waits up to the acquirer timeout, which must be shorter)
 * @param firstRetry the wait after the first inquiry or resend that brought no answer; it
 *                   doubles with every further one, up to {@code maxRetry}
 * @param maxRetry   the longest wait between two tries
 * @param warnAfter  from this many tries on, every further one is counted as overdue and logged
 * @param lease      how long a worker holds a claimed follow-up; longer than any acquirer call
 */
public record RecoveryPolicy(Duration delay, Duration firstRetry, Duration maxRetry, int warnAfter, Duration lease) {

    public RecoveryPolicy {
        if (delay.isNegative() || firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0
                || warnAfter < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("recovery policy out of range: " + delay + ", " + firstRetry + ", "
                    + maxRetry + ", " + warnAfter + ", " + lease);
        }
    }

    /** When an attempt recorded at {@code now} becomes recovery's work if its answer is not on record. */
    public Instant dueAfter(Instant now) {
        return now.plus(delay);
    }

    /** When to try again after the {@code attempts}-th try brought no answer. */
    public Instant nextTry(int attempts, Instant now) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = firstRetry.multipliedBy(1L << Math.min(doublings, 20));
        return now.plus(wait.compareTo(maxRetry) > 0 ? maxRetry : wait);
    }

    /** True once a follow-up has been tried so often that an operator should hear of it. */
    public boolean overdue(int attempts) {
        return attempts >= warnAfter;
    }

    /** What recovery does with an authorization, given the acquirer's answer to the inquiry. */
    public Resolution decide(InquiryResult inquiry) {
        if (inquiry instanceof InquiryResult.Approved approved) {
            return new Resolution.Approve(approved.authorizationCode(), approved.acquirerReference(),
                    approved.issuerCountry());
        }
        if (inquiry instanceof InquiryResult.Declined declined) {
            return new Resolution.Decline(declined.code(), declined.issuerCountry());
        }
        if (inquiry instanceof InquiryResult.NoRecord) {
            return new Resolution.ReverseThenDecline(DeclineCode.PROCESSING_ERROR);
        }
        return new Resolution.AskAgain(((InquiryResult.StillUnknown) inquiry).reason());
    }

    /** An authorization's fate, as recovery decides it. */
    public sealed interface Resolution {

        /** The acquirer approved it: authorize (or capture, as the payment asked) with its journal. */
        record Approve(String authorizationCode, String acquirerReference, String issuerCountry) implements Resolution {
        }

        /** The acquirer declined it. */
        record Decline(DeclineCode code, String issuerCountry) implements Resolution {
        }

        /**
         * The acquirer has no record: send a reversal first, in case the request reached it after
         * all, then decline with {@code code}.
         */
        record ReverseThenDecline(DeclineCode code) implements Resolution {
        }

        /** Still unknown: ask again later. */
        record AskAgain(String reason) implements Resolution {
        }
    }
}
