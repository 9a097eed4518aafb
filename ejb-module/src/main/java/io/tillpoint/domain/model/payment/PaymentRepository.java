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

    /** Newest first; {@code limit + 1} rows are fetched so the caller can tell whether there are more. */
    List<Payment> list(String merchantId, PaymentQuery query);

    List<Refund> refundsOf(String merchantId, String paymentId);

    /** Filters and cursor for listing payments. Null fields and an empty status set do not filter. */
    record PaymentQuery(Set<PaymentStatus> statuses, String reference, Instant createdGte, Instant createdLt,
            Payment startingAfter, int limit) {
    }
}
