package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.idempotency.IdempotencyRecord;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Idempotency records in JPA. */
@ApplicationScoped
public class JpaIdempotencyStore {

    @PersistenceContext(unitName = "tillpoint")
    private EntityManager em;

    /** Inserts and flushes at once, so a duplicate key fails here and not at commit. */
    public void insertNow(IdempotencyRecord record) {
        em.persist(record);
        em.flush();
    }

    public Optional<IdempotencyRecord> find(String id) {
        return Optional.ofNullable(em.find(IdempotencyRecord.class, id));
    }

    /**
     * Completes a record that is still in progress with one UPDATE (no read first); the version
     * moves on as it would through the entity. False when there was no such record in progress.
     */
    public boolean completeNow(String id, StoredResponse response, Instant now) {
        // "In progress" is asked as completedAt is null, which the record sets exactly when it
        // completes (the same test the payment's outcome statement makes).
        int updated = em.createQuery("update IdempotencyRecord r set r.completed = :done, r.responseStatus = :status,"
                        + " r.responseContentType = :type, r.responseBody = :body, r.responseLocation = :location,"
                        + " r.completedAt = :now, r.version = r.version + 1 where r.id = :id and r.completedAt is null")
                .setParameter("done", true)
                .setParameter("status", response.status())
                .setParameter("type", response.contentType())
                .setParameter("body", response.body())
                .setParameter("location", response.location())
                .setParameter("now", UtcTime.of(now))
                .setParameter("id", id)
                .executeUpdate();
        return updated == 1;
    }

    /** Deletes the record if it is still in progress and no follow-up will complete it. */
    public void deleteIfUnused(String id) {
        em.createNativeQuery("delete from idempotency_record r where r.id = ?1 and r.completed_at is null"
                        + " and not exists (select 1 from acquirer_follow_up f where f.idempotency_record_id = r.id)")
                .setParameter(1, id)
                .executeUpdate();
    }
}
