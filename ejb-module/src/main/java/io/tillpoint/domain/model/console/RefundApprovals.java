package io.tillpoint.domain.model.console;

import java.util.List;
import java.util.Optional;

/** Where refund requests that wait for a second person are kept. */
public interface RefundApprovals {

    void add(RefundApproval approval);

    /** The request, locked until the transaction ends. */
    Optional<RefundApproval> lock(String id);

    /** Writes the decision if the stored version is the one before it; false when it moved meanwhile. */
    boolean decide(RefundApproval decided);

    /** Open requests, oldest first. */
    List<RefundApproval> open(int limit);

    List<RefundApproval> ofPayment(String paymentId);
}
