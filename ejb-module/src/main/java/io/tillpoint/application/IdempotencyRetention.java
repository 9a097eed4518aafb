package io.tillpoint.application;

import io.tillpoint.domain.shared.UtcTime;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Forgetting idempotency records past their retention: used by the idempotency-purge batch job. */
@Stateless
public class IdempotencyRetention {

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    /** Up to {@code limit} ids of records created before {@code cutoff}, oldest first. */
    public List<String> expiredBefore(Instant cutoff, int limit) {
        return em.createQuery("select r.id from IdempotencyRecord r where r.createdAt < :cutoff order by r.createdAt",
                        String.class)
                .setParameter("cutoff", UtcTime.of(cutoff))
                .setMaxResults(limit)
                .getResultList();
    }

    public int delete(List<String> ids) {
        return em.createQuery("delete from IdempotencyRecord r where r.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
