package io.tillpoint.domain.model.payment;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.ledger.Journal;
import java.time.Instant;
import java.util.Set;

/**
 * How the two transactions of a card payment store what they decided, each step's rows
 * together: first the attempt with the claim on its idempotency key, in a transaction of its
 * own, then the acquirer's answer with its ledger journal and the response kept for the key's
 * replays, inside the caller's JTA transaction. The payment object travels from the first step
 * to the second (no read in between); its version says which state the second step expects to
 * replace.
 */
public interface PaymentWrites {

    /**
     * Inserts the new payment with its authorization follow-up (due at {@code recoverAfter}:
     * recovery takes it up then unless the answer is on record) and, when {@code keyed} is not
     * null, claims its key, all or nothing, committed when this returns: in a transaction of its own (the attempt posts
     * nothing to the ledger, and must be on record before any provider hears of it). Called with
     * no JTA transaction open (the application service runs without one). False, with nothing
     * written, when another request holds the key.
     */
    default boolean recordAttempt(Payment payment, KeyedRequest keyed, Instant now, Instant recoverAfter) {
        return recordAttempt(payment, keyed, now, recoverAfter, false).recorded();
    }

    /**
     * {@link #recordAttempt(Payment, KeyedRequest, Instant, Instant)}, and when
     * {@code readCustomerCountries}, in the same statement, the countries the payment's customer
     * paid from before (risk control's new-country rule): no round trip of its own.
     */
    Attempt recordAttempt(Payment payment, KeyedRequest keyed, Instant now, Instant recoverAfter,
            boolean readCustomerCountries);

    /**
     * What {@link #recordAttempt} wrote and read: whether the payment was recorded, and the
     * customer's earlier countries (empty when not asked for, or none).
     */
    record Attempt(boolean recorded, Set<String> customerCountries) {
        public Attempt {
            customerCountries = Set.copyOf(customerCountries);
        }
    }

    /**
     * Replaces the stored payment by {@code payment}'s new state, provided the stored one is
     * still at {@code payment}'s version; with it, appends {@code journal} (null when the step
     * posts none), ends the authorization's follow-up unless the payment still awaits the
     * acquirer's answer, records {@code event} (null: none) in the outbox, and, when {@code keyed}
     * is not null, completes the key's record with {@code response}. Nothing is written when the
     * stored payment has moved on.
     */
    Stored recordOutcome(Payment payment, Journal journal, KeyedRequest keyed, StoredResponse response,
            DomainEvent event, Instant now);

    /** What {@link #recordOutcome} wrote. */
    enum Stored {
        /** The payment, its journal, its event and (when keyed) the response. */
        ALL,
        /** The payment, its journal and its event; the key's record was no longer in progress. */
        WITHOUT_RESPONSE,
        /** Nothing: another transaction changed the payment first. */
        NOTHING_PAYMENT_CHANGED
    }
}
