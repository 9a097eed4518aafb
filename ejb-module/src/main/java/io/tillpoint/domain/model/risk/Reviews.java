package io.tillpoint.domain.model.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments held for review and analysts' decisions (a port). */
public interface Reviews {

    /** Opens the review of a payment that went in_review, in the caller's transaction (once per payment). */
    void open(String paymentId, String merchantId, Instant at);

    Optional<Review> find(String paymentId);

    /** Records the decision on an open review; false when it was decided already. */
    boolean decide(String paymentId, String decision, Instant at, String by, String reason);

    /** Open reviews whose payment is still in_review, oldest first, after {@code startingAfter}: up to {@code limit + 1}. */
    List<Review> listOpen(Review startingAfter, int limit);
}
