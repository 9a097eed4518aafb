package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.recovery.FollowUp;
import io.tillpoint.domain.model.recovery.FollowUps;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follow-ups in PostgreSQL. A claim is one statement: the due rows, found through the
 * {@code due_at} index and locked with {@code FOR UPDATE SKIP LOCKED} (rows another worker is
 * claiming at this moment are passed over, not waited for), moved to the end of the lease. Once
 * its transaction commits no other worker sees them due until the lease runs out, and a worker
 * that dies leaves them due again by then: the claim lives in the database, not in a lock held
 * across the acquirer call.
 */
@ApplicationScoped
public class JpaFollowUps implements FollowUps {

    static final String CLAIM_DUE = "update acquirer_follow_up set due_at = ?1, attempts = attempts + 1"
            + " where id in (select id from acquirer_follow_up where due_at <= ?2 order by due_at limit ?3"
            + " for update skip locked) returning id";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<FollowUp> claimDue(Instant now, Instant leaseEnd, int limit) {
        List<String> ids = em.createNativeQuery(CLAIM_DUE)
                .setParameter(1, UtcTime.of(leaseEnd))
                .setParameter(2, UtcTime.of(now))
                .setParameter(3, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select f from FollowUp f where f.id in :ids order by f.createdAt", FollowUp.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Override
    public boolean anyDue(Instant now) {
        return !em.createNativeQuery("select 1 from acquirer_follow_up where due_at <= ?1 limit 1")
                .setParameter(1, UtcTime.of(now))
                .getResultList().isEmpty();
    }

    @Override
    public Optional<FollowUp> lock(String id) {
        return Optional.ofNullable(em.find(FollowUp.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(FollowUp followUp) {
        em.persist(followUp);
    }

    @Override
    public void remove(FollowUp followUp) {
        em.remove(followUp);
    }
}
