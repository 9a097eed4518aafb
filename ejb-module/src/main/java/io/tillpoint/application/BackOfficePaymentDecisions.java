package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.console.ConsoleCaller;
import io.tillpoint.domain.model.console.RefundApproval;
import io.tillpoint.domain.model.console.RefundApprovals;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * A console user's capture, void or refund as asked for, each one transaction: the operation's
 * intent with its follow-up (what the API's capture, void and refund record) and its audit entry
 * (who, from where, the payment before and after), all or nothing. The acquirer is asked afterwards,
 * with no transaction open ({@link BackOfficePayments}). A refund above the four-eyes amount is
 * only a request here, until a second person approves it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BackOfficePaymentDecisions {

    static final AuditAction CAPTURE_REQUESTED = new AuditAction("payment.capture_requested");
    static final AuditAction VOID_REQUESTED = new AuditAction("payment.void_requested");
    static final AuditAction REFUND_REQUESTED = new AuditAction("payment.refund_requested");
    static final AuditAction REFUND_APPROVAL_REQUESTED = new AuditAction("refund.approval_requested");
    static final AuditAction REFUND_APPROVED = new AuditAction("refund.approved");
    static final AuditAction REFUND_REJECTED = new AuditAction("refund.rejected");

    @Inject
    PaymentRepository payments;

    @Inject
    RefundApprovals approvals;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @EJB
    PaymentTransactions transactions;

    public PendingOperation capture(ConsoleCaller caller, String paymentId, Long amount) {
        Payment payment = payment(paymentId);
        AuditSnapshot before = state(payment);
        PendingOperation pending = transactions.beginPartialCaptureWithCaller(payment.merchantId(), paymentId, amount,
                null);
        audit.append(AuditEntry.of(caller.audit(), CAPTURE_REQUESTED, target(paymentId), before,
                AuditSnapshot.builder().text("status", payment.status().apiName())
                        .number("amount", pending.request().amount() == null ? null : pending.request().amount().minorUnits())
                        .build(), clock.now()));
        return pending;
    }

    public PendingOperation voidPayment(ConsoleCaller caller, String paymentId) {
        Payment payment = payment(paymentId);
        AuditSnapshot before = state(payment);
        PendingOperation pending = transactions.beginVoid(payment.merchantId(), paymentId, null);
        audit.append(AuditEntry.of(caller.audit(), VOID_REQUESTED, target(paymentId), before, null, clock.now()));
        return pending;
    }

    /** A refund within the caller's own authority: asked for now. */
    public PendingOperation refund(ConsoleCaller caller, String paymentId, long amount, Reason reason) {
        Payment payment = payment(paymentId);
        AuditSnapshot before = state(payment);
        PendingOperation pending = transactions.beginRefundWithCaller(payment.merchantId(), paymentId, amount,
                reason.text(), null);
        audit.append(AuditEntry.of(caller.audit(), REFUND_REQUESTED, target(paymentId), before,
                refundState(pending, reason.text()), clock.now()));
        return pending;
    }

    /** A refund above the four-eyes amount: a request that waits for someone else. */
    public RefundApproval requestApproval(ConsoleCaller caller, String paymentId, long amount, Reason reason) {
        Instant now = clock.now();
        Payment payment = payment(paymentId);
        long refundable = payment.amountCaptured() - payment.amountRefunded() - payment.amountRefundPending();
        if (amount > refundable) {
            throw new InvalidInputException("amount", "must be at most the refundable " + refundable);
        }
        RefundApproval approval = RefundApproval.request(paymentId, payment.merchantId(), amount,
                payment.currency().code(), reason.text(), caller.username(), now);
        approvals.add(approval);
        audit.append(AuditEntry.of(caller.audit(), REFUND_APPROVAL_REQUESTED, new AuditTarget("refund_approval",
                approval.id()), null, approvalState(approval), now));
        return approval;
    }

    /** A second person approves: the refund is asked for now, in this transaction with the decision. */
    public PendingOperation approve(ConsoleCaller caller, String approvalId) {
        Instant now = clock.now();
        RefundApproval asked = approvals.lock(approvalId)
                .orElseThrow(() -> new NotFoundException("refund_approval", approvalId));
        asked.checkDecidable(caller.username());
        Payment payment = payment(asked.paymentId());
        PendingOperation pending = transactions.beginRefundWithCaller(payment.merchantId(), payment.id(), asked.amount(),
                asked.reason(), null);
        RefundApproval approved = asked.approve(caller.username(), pending.refund().id(), now);
        if (!approvals.decide(approved)) {
            throw new ConflictException("concurrent_update", "The refund request " + approvalId + " was decided meanwhile");
        }
        audit.append(AuditEntry.of(caller.audit(), REFUND_APPROVED, new AuditTarget("refund_approval", approvalId),
                approvalState(asked), approvalState(approved), now));
        return pending;
    }

    public RefundApproval reject(ConsoleCaller caller, String approvalId, Reason reason) {
        Instant now = clock.now();
        RefundApproval asked = approvals.lock(approvalId)
                .orElseThrow(() -> new NotFoundException("refund_approval", approvalId));
        RefundApproval rejected = asked.reject(caller.username(), reason.text(), now);
        if (!approvals.decide(rejected)) {
            throw new ConflictException("concurrent_update", "The refund request " + approvalId + " was decided meanwhile");
        }
        audit.append(AuditEntry.of(caller.audit(), REFUND_REJECTED, new AuditTarget("refund_approval", approvalId),
                approvalState(asked), approvalState(rejected), now));
        return rejected;
    }

    private Payment payment(String paymentId) {
        return payments.byId(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    private static AuditTarget target(String paymentId) {
        return new AuditTarget("payment", paymentId);
    }

    static AuditSnapshot state(Payment p) {
        return AuditSnapshot.builder().text("status", p.status().apiName()).text("merchant_id", p.merchantId())
                .number("amount", p.amount().minorUnits()).text("currency", p.currency().code())
                .number("amount_capturable", p.amountCapturable()).number("amount_captured", p.amountCaptured())
                .number("amount_refunded", p.amountRefunded()).build();
    }

    private static AuditSnapshot refundState(PendingOperation pending, String reason) {
        return AuditSnapshot.builder().text("refund_id", pending.refund().id())
                .number("refund_amount", pending.refund().amount().minorUnits()).text("reason", reason)
                .number("amount_refund_pending", pending.payment().amountRefundPending()).build();
    }

    private static AuditSnapshot approvalState(RefundApproval a) {
        return AuditSnapshot.builder().text("payment_id", a.paymentId()).number("amount", a.amount())
                .text("currency", a.currency()).text("reason", a.reason()).text("status", a.status().name().toLowerCase())
                .text("requested_by", a.requestedBy()).text("decided_by", a.decidedBy())
                .text("decision_reason", a.decisionReason()).text("refund_id", a.refundId()).build();
    }
}
