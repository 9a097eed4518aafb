package io.tillpoint.application;

import io.tillpoint.domain.model.acquiring.AcquirerConnector;
import io.tillpoint.domain.model.acquiring.InquiryResult;
import io.tillpoint.domain.model.acquiring.OperationKind;
import io.tillpoint.domain.model.acquiring.OperationRequest;
import io.tillpoint.domain.model.acquiring.OperationResult;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.recovery.FollowUp;
import io.tillpoint.domain.model.recovery.FollowUpKind;
import io.tillpoint.domain.model.recovery.RecoveryPolicy;
import io.tillpoint.domain.model.recovery.RecoveryPolicy.Resolution;
import io.tillpoint.domain.shared.Ids;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Recovery of unknown outcomes: takes the due follow-ups (a database claim, so that two
 * instances never work on the same one), asks the acquirer with no transaction open (an
 * inquiry for an authorization, a resend for a capture, void, refund or reversal) and records
 * what it answers, each step in a short transaction of its own. An answer that does not come
 * is asked for again later, with backoff. Runs on every instance (the recovery batch job).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecoveryService {

    private static final Logger LOG = Logger.getLogger(RecoveryService.class.getName());

    @EJB
    RecoveryTransactions transactions;

    @EJB
    PaymentTransactions paymentTransactions;

    @Inject
    PaymentRepository payments;

    @Inject
    AcquirerConnector acquirer;

    @Inject
    RecoveryPolicy policy;

    @Inject
    RecoverySettings settings;

    /** True when some follow-up is due now: worth starting the recovery job. */
    public boolean workDue() {
        return transactions.anyDue();
    }

    /** Works through up to {@code limit} due follow-ups; how many it took. */
    public int recoverDue(int limit) {
        List<FollowUp> claimed = transactions.claimDue(limit);
        for (FollowUp followUp : claimed) {
            try {
                work(followUp);
            } catch (RuntimeException e) {
                LOG.warning(() -> "recovery of " + followUp.id() + " failed (" + e.getClass().getSimpleName()
                        + "); it is tried again later");
                transactions.askAgainLater(followUp.id(), "error " + e.getClass().getSimpleName());
            }
        }
        return claimed.size();
    }

    private void work(FollowUp followUp) {
        if (followUp.kind() == FollowUpKind.AUTHORIZATION) {
            recoverAuthorization(followUp);
            return;
        }
        Payment payment = payments.byId(followUp.paymentId()).orElseThrow();
        OperationResult result = send(followUp.request(payment.acquirerReference()));
        if (result instanceof OperationResult.Unknown unknown) {
            transactions.askAgainLater(followUp.id(), unknown.reason());
        } else {
            paymentTransactions.recordOperation(followUp.id(), followUp.paymentId(), result, null);
        }
    }

    private void recoverAuthorization(FollowUp followUp) {
        InquiryResult inquiry = AcquirerAnswers.await("inquiry for " + followUp.paymentId(),
                () -> acquirer.inquire(followUp.paymentId()), settings.acquirerTimeoutMs())
                .orElseGet(() -> new InquiryResult.StillUnknown("no answer to the inquiry"));
        Resolution resolution = policy.decide(inquiry);
        if (resolution instanceof Resolution.AskAgain again) {
            transactions.askAgainLater(followUp.id(), again.reason());
            return;
        }
        String unacknowledgedReversal = null;
        if (resolution instanceof Resolution.ReverseThenDecline) {
            OperationRequest reversal = new OperationRequest(Ids.newId("rev"), OperationKind.REVERSAL,
                    followUp.paymentId(), null, null);
            if (!(send(reversal) instanceof OperationResult.Acknowledged)) {
                unacknowledgedReversal = reversal.operationId();
            }
        }
        transactions.resolveAuthorization(followUp.paymentId(), resolution, unacknowledgedReversal);
    }

    private OperationResult send(OperationRequest request) {
        return AcquirerAnswers.await(request.kind() + " " + request.operationId(), () -> acquirer.send(request),
                settings.acquirerTimeoutMs())
                .orElseGet(() -> new OperationResult.Unknown("no answer"));
    }
}
