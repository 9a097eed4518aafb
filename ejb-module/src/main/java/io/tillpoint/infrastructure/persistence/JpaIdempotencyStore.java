package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.idempotency.IdempotencyRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    public void delete(String id) {
        IdempotencyRecord r = em.find(IdempotencyRecord.class, id);
        if (r != null) {
            em.remove(r);
        }
    }
}
