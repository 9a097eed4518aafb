package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.idempotency.IdempotencyRecord;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentWrites;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A payment's two transactions through JPA, on any database: the rows as entities, flushed at
 * the end of each step so that a taken key or a concurrent change shows here and not at commit.
 * The attempt is a JTA transaction of its own; the outcome joins the caller's, and merges the
 * payment it is given, which reads it first.
 */
@ApplicationScoped
@Typed(JpaPaymentWrites.class)
public class JpaPaymentWrites implements PaymentWrites {

    @PersistenceContext(unitName = "tillpoint")
    private EntityManager em;

    @Inject
    JpaIdempotencyStore idempotency;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Its own JTA transaction, rolled back when the key is taken. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordAttempt(Payment payment, KeyedRequest keyed, Instant now) {
        if (keyed != null) {
            em.persist(IdempotencyRecord.begin(keyed, now));
        }
        em.persist(payment);
        try {
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (keyed != null && DuplicateKey.causes(e)) {
                transaction.setRollbackOnly();
                return false;
            }
            throw e;
        }
    }

    @Override
    public Stored recordOutcome(Payment payment, Journal journal, KeyedRequest keyed, StoredResponse response,
            Instant now) {
        try {
            em.merge(payment);
            if (journal != null) {
                em.persist(journal);
            }
            em.flush();
        } catch (PersistenceException e) {
            if (OptimisticLock.causes(e)) {
                return Stored.NOTHING_PAYMENT_CHANGED;
            }
            throw e;
        }
        if (keyed == null) {
            return Stored.ALL;
        }
        return idempotency.completeNow(keyed.recordId(), response, now) ? Stored.ALL
                : Stored.WITHOUT_RESPONSE;
    }
}
