package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficePayments;
import io.tillpoint.application.OperationRecorded;
import io.tillpoint.domain.model.console.RefundApproval;
import io.tillpoint.domain.model.console.TimelineEntry;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.Refund;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One payment: its details, its timeline, and the operations a role may do on it (capture, void,
 * refund), each confirmed on the page and done by {@link BackOfficePayments}.
 */
@Named("payment")
@ViewScoped
public class PaymentBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BackOfficePayments service;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    private String id;
    private transient Payment payment;
    private String captureAmount;
    private String refundAmount;
    private String refundReason;

    public void load() {
        payment = id == null ? null : feedback.attempt(() -> service.payment(console.caller(), id.strip()));
    }

    public Payment getPayment() {
        if (payment == null && id != null) {
            payment = service.payment(console.caller(), id.strip());
        }
        return payment;
    }

    public List<TimelineEntry> getTimeline() {
        return getPayment() == null ? List.of() : service.timeline(console.caller(), payment.id());
    }

    public List<Refund> getRefunds() {
        return getPayment() == null ? List.of() : service.refunds(console.caller(), payment.id());
    }

    public List<RefundApproval> getApprovals() {
        return getPayment() == null ? List.of() : service.approvalsOf(console.caller(), payment.id());
    }

    public String getMaskedCard() {
        Payment p = getPayment();
        return p == null || p.card() == null ? "" : p.card().brand() + " " + p.card().maskedNumber();
    }

    public long getRefundable() {
        Payment p = getPayment();
        return p == null ? 0 : p.amountCaptured() - p.amountRefunded() - p.amountRefundPending();
    }

    public void capture() {
        OperationRecorded done = feedback.attempt(() -> service.capture(console.caller(), payment.id(),
                Amounts.parse(captureAmount, payment.currency().code(), "amount")));
        after(done, "payment.captured_done");
    }

    public void voidPayment() {
        OperationRecorded done = feedback.attempt(() -> service.voidPayment(console.caller(), payment.id()));
        after(done, "payment.voided");
    }

    public void refund() {
        BackOfficePayments.RefundAsked asked = feedback.attempt(() -> service.refund(console.caller(), payment.id(),
                Amounts.parse(refundAmount, payment.currency().code(), "amount"), refundReason));
        if (asked != null) {
            if (asked.awaitingApproval() != null) {
                feedback.info("payment.refund_awaits_approval", asked.awaitingApproval().id());
            } else {
                after(asked.refunded(), "payment.refund_done");
            }
            refundAmount = null;
            refundReason = null;
        }
        payment = null;
    }

    private void after(OperationRecorded done, String key) {
        if (done != null) {
            feedback.info(done.known() ? key : "payment.operation_pending");
        }
        payment = null;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCaptureAmount() {
        return captureAmount;
    }

    public void setCaptureAmount(String captureAmount) {
        this.captureAmount = captureAmount;
    }

    public String getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(String refundAmount) {
        this.refundAmount = refundAmount;
    }

    public String getRefundReason() {
        return refundReason;
    }

    public void setRefundReason(String refundReason) {
        this.refundReason = refundReason;
    }
}
