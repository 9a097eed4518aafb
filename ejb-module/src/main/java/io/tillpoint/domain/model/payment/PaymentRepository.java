package io.tillpoint.domain.model.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where payments and their refunds are kept. Every lookup is scoped to one merchant. */
public interface PaymentRepository {

    void add(Payment payment);

    void add(Refund refund);

    Optional<Payment> find(String merchantId, String paymentId);

    /**
     * The merchant's payment, locked until the caller's transaction ends: changes of one payment
     * (captures, voids, refunds and their answers) take turns instead of failing each other.
     */
    Optional<Payment> findForUpdate(String merchantId, String paymentId);

    /** {@link #findForUpdate} for the gateway's own work on a payment (the acquirer's answer, recovery). */
    Optional<Payment> lockById(String paymentId);

    /** For the gateway's own work on a payment (recovery), whoever's it is. */
    Optional<Payment> byId(String paymentId);

    /** For the gateway's own work on a refund (recovery), whoever's it is. */
    Optional<Refund> refundById(String refundId);

    /** Newest first; {@code limit + 1} rows are fetched so the caller can tell whether there are more. */
    List<Payment> list(String merchantId, PaymentQuery query);

    List<Refund> refundsOf(String merchantId, String paymentId);

    /** Filters and cursor for listing payments. Null fields and an empty status set do not filter. */
    record PaymentQuery(Set<PaymentStatus> statuses, String reference, Instant createdGte, Instant createdLt,
            Payment startingAfter, int limit) {
    }
}
