package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentRepository;
import io.tillpoint.domain.model.payment.Refund;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Payments and refunds in JPA; every query is scoped to the merchant. */
@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

    @PersistenceContext(unitName = "tillpoint")
    private EntityManager em;

    @Override
    public void add(Payment payment) {
        em.persist(payment);
    }

    @Override
    public void add(Refund refund) {
        em.persist(refund);
    }

    @Override
    public Optional<Payment> find(String merchantId, String paymentId) {
        Payment p = em.find(Payment.class, paymentId);
        return p != null && p.merchantId().equals(merchantId) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public Optional<Payment> findForUpdate(String merchantId, String paymentId) {
        return lockById(paymentId).filter(p -> p.merchantId().equals(merchantId));
    }

    @Override
    public Optional<Payment> lockById(String paymentId) {
        return Optional.ofNullable(em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Payment> byId(String paymentId) {
        return Optional.ofNullable(em.find(Payment.class, paymentId));
    }

    @Override
    public Optional<Refund> refundById(String refundId) {
        return Optional.ofNullable(em.find(Refund.class, refundId));
    }

    @Override
    public List<Payment> list(String merchantId, PaymentQuery q) {
        StringBuilder jpql = new StringBuilder("select p from Payment p where p.merchantId = :merchant");
        if (!q.statuses().isEmpty()) {
            jpql.append(" and p.status in :statuses");
        }
        if (q.reference() != null) {
            jpql.append(" and p.reference = :reference");
        }
        if (q.createdGte() != null) {
            jpql.append(" and p.createdAt >= :gte");
        }
        if (q.createdLt() != null) {
            jpql.append(" and p.createdAt < :lt");
        }
        if (q.startingAfter() != null) {
            jpql.append(" and (p.createdAt < :cursorAt or (p.createdAt = :cursorAt and p.id < :cursorId))");
        }
        jpql.append(" order by p.createdAt desc, p.id desc");
        TypedQuery<Payment> query = em.createQuery(jpql.toString(), Payment.class)
                .setParameter("merchant", merchantId)
                .setMaxResults(q.limit() + 1);
        if (!q.statuses().isEmpty()) {
            query.setParameter("statuses", new ArrayList<>(q.statuses()));
        }
        if (q.reference() != null) {
            query.setParameter("reference", q.reference());
        }
        if (q.createdGte() != null) {
            query.setParameter("gte", UtcTime.of(q.createdGte()));
        }
        if (q.createdLt() != null) {
            query.setParameter("lt", UtcTime.of(q.createdLt()));
        }
        if (q.startingAfter() != null) {
            query.setParameter("cursorAt", UtcTime.of(q.startingAfter().createdAt()));
            query.setParameter("cursorId", q.startingAfter().id());
        }
        return new ArrayList<>(query.getResultList());
    }

    @Override
    public List<Refund> refundsOf(String merchantId, String paymentId) {
        return em.createQuery("select r from Refund r where r.merchantId = :merchant and r.paymentId = :payment"
                        + " order by r.createdAt, r.id", Refund.class)
                .setParameter("merchant", merchantId)
                .setParameter("payment", paymentId)
                .getResultList();
    }
}
