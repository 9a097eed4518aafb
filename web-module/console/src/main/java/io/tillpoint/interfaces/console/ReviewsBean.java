package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficeRisk;
import io.tillpoint.application.RiskReviewService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The review queue: payments risk control held, oldest first; approve or reject, each with a reason. */
@Named("reviews")
@ViewScoped
public class ReviewsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BackOfficeRisk risk;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    private String reason;

    public List<RiskReviewService.OpenReview> getOpen() {
        return risk.openReviews(console.caller(), 100);
    }

    public void approve(String paymentId) {
        if (feedback.attempt(() -> risk.approveReview(console.caller(), paymentId, reason)) != null) {
            feedback.info("reviews.approved", paymentId);
            reason = null;
        }
    }

    public void reject(String paymentId) {
        if (feedback.attempt(() -> risk.rejectReview(console.caller(), paymentId, reason)) != null) {
            feedback.info("reviews.rejected", paymentId);
            reason = null;
        }
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
