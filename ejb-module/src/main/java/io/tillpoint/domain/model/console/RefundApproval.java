package io.tillpoint.domain.model.console;

import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.Ids;
import java.time.Instant;

/**
 * A refund asked for in the console above the four-eyes amount: it waits for a second person,
 * who approves it (the refund is then asked of the acquirer) or rejects it. Nobody decides their
 * own request.
 */
public record RefundApproval(String id, long version, String paymentId, String merchantId, long amount,
        String currency, String reason, Status status, String requestedBy, Instant requestedAt, String decidedBy,
        Instant decidedAt, String decisionReason, String refundId) {

    public enum Status { REQUESTED, APPROVED, REJECTED }

    public static RefundApproval request(String paymentId, String merchantId, long amount, String currency,
            String reason, String requestedBy, Instant now) {
        return new RefundApproval(Ids.newId("rfa"), 0, paymentId, merchantId, amount, currency, reason,
                Status.REQUESTED, requestedBy, now, null, null, null, null);
    }

    public RefundApproval approve(String approver, String refundId, Instant now) {
        checkDecidable(approver);
        return new RefundApproval(id, version + 1, paymentId, merchantId, amount, currency, reason, Status.APPROVED,
                requestedBy, requestedAt, approver, now, null, refundId);
    }

    public RefundApproval reject(String approver, String why, Instant now) {
        checkDecidable(approver);
        return new RefundApproval(id, version + 1, paymentId, merchantId, amount, currency, reason, Status.REJECTED,
                requestedBy, requestedAt, approver, now, why, null);
    }

    /** Refuses unless {@code approver} may decide this request now: it is open, and not theirs. */
    public void checkDecidable(String approver) {
        if (status != Status.REQUESTED) {
            throw new InvalidStateException("The refund request " + id + " was " + status.name().toLowerCase() + " already");
        }
        if (approver.equals(requestedBy)) {
            throw new FourEyesException(id);
        }
    }

    /** Whether a refund of {@code amount} needs a second person, given the configured amount (above it: yes). */
    public static boolean needed(long amount, long approvalAbove) {
        return amount > approvalAbove;
    }
}
