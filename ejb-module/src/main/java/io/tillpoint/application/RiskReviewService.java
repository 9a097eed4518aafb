package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.risk.Review;
import io.tillpoint.domain.model.risk.Reviews;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The review queue: payments risk control held ({@code in_review}: authorized at the acquirer,
 * their amount held), and analysts' decisions on them. Approve: the payment is authorized, or
 * captured when it asked for automatic capture; reject: it is voided at the acquirer. The decision
 * is recorded first ({@link RiskReviewDecisions}), the acquirer asked with no transaction open, and
 * its answer recorded as for a merchant's capture or void; no answer in time leaves the operation
 * to recovery, and the answer is 202 with the payment as it stands.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RiskReviewService {

    private static final Logger LOG = Logger.getLogger(RiskReviewService.class.getName());

    @Inject
    Reviews reviews;

    @Inject
    PaymentRepository payments;

    @EJB
    RiskReviewDecisions decisions;

    @EJB
    PaymentService paymentService;

    /** An open review and its payment. */
    public record OpenReview(Review review, Payment payment) {
    }

    /** Open reviews, oldest first, after the review of {@code startingAfter} (a payment id; null: from the oldest). */
    public List<OpenReview> open(String startingAfter, int limit) {
        Review cursor = startingAfter == null ? null : reviews.find(startingAfter)
                .orElseThrow(() -> new InvalidInputException("starting_after", "is not a payment under review"));
        List<OpenReview> open = new ArrayList<>();
        for (Review r : reviews.listOpen(cursor, limit)) {
            payments.byId(r.paymentId()).ifPresent(p -> open.add(new OpenReview(r, p)));
        }
        return open;
    }

    public OpenReview review(String paymentId) {
        Review review = reviews.find(paymentId).orElseThrow(() -> new NotFoundException("review", paymentId));
        return new OpenReview(review, payments.byId(paymentId).orElseThrow());
    }

    /** The answer for the analyst: the payment as the decision left it (200), or 202 while the acquirer's answer is owed. */
    public StoredResponse approve(String paymentId, Reason reason, AuditContext context, KeyedRequest keyed) {
        RiskReviewDecisions.Decided decided = decisions.approve(paymentId, reason, context, keyed);
        LOG.info(() -> "review of payment " + paymentId + " approved by " + context.actor().id());
        return decided.pending() == null ? PaymentResponses.changed(decided.payment())
                : paymentService.complete(decided.pending()).answer();
    }

    public StoredResponse reject(String paymentId, Reason reason, AuditContext context, KeyedRequest keyed) {
        RiskReviewDecisions.Decided decided = decisions.reject(paymentId, reason, context, keyed);
        LOG.info(() -> "review of payment " + paymentId + " rejected by " + context.actor().id());
        return paymentService.complete(decided.pending()).answer();
    }
}
