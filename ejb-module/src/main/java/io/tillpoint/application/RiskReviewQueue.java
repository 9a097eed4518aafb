package io.tillpoint.application;

import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentStatus;
import io.tillpoint.domain.model.risk.Reviews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Opens the review of a payment that risk control held ({@code in_review}), in the transaction
 * that records it so: whichever records the approval (the request, a late answer, recovery).
 */
@ApplicationScoped
public class RiskReviewQueue {

    @Inject
    Reviews reviews;

    void openIfHeld(Payment payment, Instant now) {
        if (payment.status() == PaymentStatus.IN_REVIEW) {
            reviews.open(payment.id(), payment.merchantId(), now);
        }
    }
}
