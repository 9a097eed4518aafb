package io.tillpoint.application;

import io.tillpoint.domain.shared.UtcTime;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;

/** Forgetting idempotency records past their retention: used by the idempotency-purge batch job. */
@Stateless
public class IdempotencyRetention {

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    /** Records whose key waits for an outcome that is not known yet: never purged until it is. */
    private static final String UNRESOLVED = "select f.idempotency_record_id from acquirer_follow_up f"
            + " where f.idempotency_record_id is not null";

    /**
     * Up to {@code limit} ids of records created before {@code cutoff}, oldest first, except
     * those whose payment (or capture, void, refund) is still unresolved.
     */
    @SuppressWarnings("unchecked")
    public List<String> expiredBefore(Instant cutoff, int limit) {
        return em.createNativeQuery("select r.id from idempotency_record r where r.created_at < ?1"
                        + " and r.id not in (" + UNRESOLVED + ") order by r.created_at limit ?2")
                .setParameter(1, UtcTime.of(cutoff))
                .setParameter(2, limit)
                .getResultList();
    }

    /** Deletes the records, checking again that none waits for an outcome. */
    public int delete(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("delete from idempotency_record where id in (");
        for (int i = 1; i <= ids.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append('?').append(i);
        }
        Query delete = em.createNativeQuery(sql.append(") and id not in (").append(UNRESOLVED).append(')').toString());
        for (int i = 0; i < ids.size(); i++) {
            delete.setParameter(i + 1, ids.get(i));
        }
        return delete.executeUpdate();
    }
}
