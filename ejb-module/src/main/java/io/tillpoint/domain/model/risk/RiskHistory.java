package io.tillpoint.domain.model.risk;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The recent attempts the velocity rules count in, the countries customers paid from and the
 * merchants' usual amounts (a port), all written by the risk consumer from payment events.
 */
public interface RiskHistory {

    /**
     * One payment's authorization outcome, as the events tell it: no card data, only the
     * internal fingerprint and the BIN; the IP address canonical.
     */
    record Attempt(String paymentId, String merchantId, String cardFingerprint, String bin, String customerId,
            String ip, long amount, String currency, boolean approved, String declineCode, Instant at) {
    }

    /**
     * Records the attempt once per payment, in the caller's transaction, and what an approval
     * teaches with it, in the same statement: the merchant's usual amounts in its currency
     * ({@link MerchantAmounts#with}) and, when {@code payerCountry} is not null, the country the
     * customer paid from. False, with nothing learnt, when the attempt was on record already (a
     * payment's later events).
     */
    boolean record(Attempt attempt, String payerCountry);

    /** An attempt to record, with the country its customer paid from (null: none to learn). */
    record Recorded(Attempt attempt, String payerCountry) {
    }

    /**
     * {@link #record} for a batch of outcomes, in the caller's transaction: the ids of the payments
     * whose attempt was recorded now (not on record before, and the first of a payment's outcomes
     * in the batch), with what their approvals teach. A store that can do it in fewer statements
     * overrides this.
     */
    default Set<String> recordAll(List<Recorded> attempts) {
        Set<String> recorded = new LinkedHashSet<>();
        for (Recorded r : attempts) {
            if (!recorded.contains(r.attempt().paymentId()) && record(r.attempt(), r.payerCountry())) {
                recorded.add(r.attempt().paymentId());
            }
        }
        return recorded;
    }

    /**
     * The attempts of one subject in {@code (from, to]} ({@code merchantId}: a customer's merchant,
     * or for a card the one merchant to count at; null: everywhere): all of them, or (with {@code smallOnly})
     * only those of at most that amount in their currency (a currency it does not name counts none).
     */
    VelocityCount count(SubjectKind kind, String value, String merchantId, Instant from, Instant to,
            AmountsByCurrency smallOnly);

    /** Forgets attempts from before {@code cutoff}, at most {@code limit} of them; how many. */
    int forgetBefore(Instant cutoff, int limit);
}
