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

    /**
     * Follow-ups claimed at once. Each may take two acquirer calls (an inquiry and a reversal),
     * and the lease covers the whole page ({@link RecoverySettings}), so that no claim runs out
     * while its worker still holds it.
     */
    public static final int CLAIM_PAGE = 5;

    /** Works through one page of due follow-ups; how many it took ({@link #CLAIM_PAGE} or fewer). */
    public int recoverDue() {
        List<FollowUp> claimed = transactions.claimDue(CLAIM_PAGE);
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
            paymentTransactions.recordOperation(followUp.id(), followUp.paymentId(), followUp.refundId(), result, null);
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
        String reversal = transactions.resolveAuthorization(followUp.paymentId(), resolution);
        if (reversal != null) {
            // On record with the decline; sent now, and again by recovery until acknowledged.
            OperationResult result = send(new OperationRequest(reversal, OperationKind.REVERSAL, followUp.paymentId(),
                    null, null));
            if (result instanceof OperationResult.Unknown unknown) {
                transactions.askAgainLater(reversal, unknown.reason());
            } else {
                paymentTransactions.recordOperation(reversal, followUp.paymentId(), null, result, null);
            }
        }
    }

    private OperationResult send(OperationRequest request) {
        return AcquirerAnswers.await(request.kind() + " " + request.operationId(), () -> acquirer.send(request),
                settings.acquirerTimeoutMs())
                .orElseGet(() -> new OperationResult.Unknown("no answer"));
    }
}
