package io.tillpoint.application;

import io.tillpoint.domain.model.console.ConsoleAction;
import io.tillpoint.domain.model.console.ConsoleCaller;
import io.tillpoint.domain.model.console.PaymentFilter;
import io.tillpoint.domain.model.console.PaymentRow;
import io.tillpoint.domain.model.console.PaymentSearch;
import io.tillpoint.domain.model.console.PaymentTimeline;
import io.tillpoint.domain.model.console.RefundApproval;
import io.tillpoint.domain.model.console.RefundApprovals;
import io.tillpoint.domain.model.console.TimelineEntry;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.payment.Refund;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payments in the back office: the search across merchants, a payment's timeline, and capture,
 * void and refund by a console user. Each operation is what the API's is (the same intent, follow-up,
 * acquirer call and recorded answer, {@link PaymentService#complete}) plus the role check and the
 * audit entry ({@link BackOfficePaymentDecisions}). A refund above
 * {@code tillpoint.console.refund-approval-above} (minor units, any currency) waits for a second
 * person with {@link ConsoleAction#APPROVE_REFUND}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackOfficePayments {

    private static final Logger LOG = Logger.getLogger(BackOfficePayments.class.getName());
    /** Counts stop here: "more than 10,000" is all a person needs to know to narrow the search. */
    public static final long COUNT_CAP = 10_000;

    @Inject
    PaymentSearch search;

    @Inject
    PaymentTimeline timelines;

    @Inject
    PaymentRepository payments;

    @Inject
    RefundApprovals approvals;

    @EJB
    BackOfficePaymentDecisions decisions;

    @EJB
    PaymentService paymentService;

    @Inject
    @ConfigProperty(name = "tillpoint.console.refund-approval-above", defaultValue = "50000")
    long refundApprovalAbove;

    public List<PaymentRow> search(ConsoleCaller caller, PaymentFilter filter, int offset, int limit) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        if (offset < 0 || limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "must be an integer from 1 to 200");
        }
        return search.find(filter, offset, limit);
    }

    public long count(ConsoleCaller caller, PaymentFilter filter) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return search.count(filter, COUNT_CAP + 1);
    }

    public Payment payment(ConsoleCaller caller, String paymentId) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return payments.byId(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    public List<Refund> refunds(ConsoleCaller caller, String paymentId) {
        Payment p = payment(caller, paymentId);
        return payments.refundsOf(p.merchantId(), paymentId);
    }

    public List<TimelineEntry> timeline(ConsoleCaller caller, String paymentId) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return timelines.of(paymentId);
    }

    public OperationRecorded capture(ConsoleCaller caller, String paymentId, Long amount) {
        caller.require(ConsoleAction.CAPTURE);
        LOG.info(() -> "console capture of payment " + paymentId + " by " + caller.username());
        return paymentService.complete(decisions.capture(caller, paymentId, amount));
    }

    public OperationRecorded voidPayment(ConsoleCaller caller, String paymentId) {
        caller.require(ConsoleAction.VOID);
        LOG.info(() -> "console void of payment " + paymentId + " by " + caller.username());
        return paymentService.complete(decisions.voidPayment(caller, paymentId));
    }

    /** What a refund in the console did: refunded (with the acquirer's answer), or asked a second person. */
    public record RefundAsked(OperationRecorded refunded, RefundApproval awaitingApproval) {
    }

    /** Refunds {@code amount} minor units (null: all that is left), or asks for approval above the four-eyes amount. */
    public RefundAsked refund(ConsoleCaller caller, String paymentId, Long amount, String reason) {
        caller.require(ConsoleAction.REFUND);
        Reason why = Reason.of(reason);
        Payment payment = payment(caller, paymentId);
        long value = amount != null ? amount
                : payment.amountCaptured() - payment.amountRefunded() - payment.amountRefundPending();
        if (value <= 0) {
            throw new InvalidInputException("amount", "must be a positive amount in minor units");
        }
        if (RefundApproval.needed(value, refundApprovalAbove)) {
            RefundApproval asked = decisions.requestApproval(caller, paymentId, value, why);
            LOG.info(() -> "console refund of payment " + paymentId + " by " + caller.username() + " awaits approval "
                    + asked.id());
            return new RefundAsked(null, asked);
        }
        LOG.info(() -> "console refund of payment " + paymentId + " by " + caller.username());
        return new RefundAsked(paymentService.complete(decisions.refund(caller, paymentId, value, why)), null);
    }

    public List<RefundApproval> openApprovals(ConsoleCaller caller) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return approvals.open(100);
    }

    public List<RefundApproval> approvalsOf(ConsoleCaller caller, String paymentId) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return approvals.ofPayment(paymentId);
    }

    public OperationRecorded approveRefund(ConsoleCaller caller, String approvalId) {
        caller.require(ConsoleAction.APPROVE_REFUND);
        LOG.info(() -> "refund request " + approvalId + " approved by " + caller.username());
        return paymentService.complete(decisions.approve(caller, approvalId));
    }

    public RefundApproval rejectRefund(ConsoleCaller caller, String approvalId, String reason) {
        caller.require(ConsoleAction.APPROVE_REFUND);
        return decisions.reject(caller, approvalId, Reason.of(reason));
    }

    public long refundApprovalAbove() {
        return refundApprovalAbove;
    }
}
