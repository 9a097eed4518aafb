package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficePayments;
import io.tillpoint.application.OperationRecorded;
import io.tillpoint.domain.model.console.RefundApproval;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Refunds waiting for a second person: approve (the refund is made) or reject with a reason. */
@Named("approvals")
@ViewScoped
public class ApprovalsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BackOfficePayments service;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    private String reason;

    public List<RefundApproval> getOpen() {
        return service.openApprovals(console.caller());
    }

    public void approve(String approvalId) {
        OperationRecorded done = feedback.attempt(() -> service.approveRefund(console.caller(), approvalId));
        if (done != null) {
            feedback.info(done.known() ? "payment.refund_done" : "payment.operation_pending");
        }
    }

    public void reject(String approvalId) {
        if (feedback.attempt(() -> service.rejectRefund(console.caller(), approvalId, reason)) != null) {
            feedback.info("approvals.rejected");
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
