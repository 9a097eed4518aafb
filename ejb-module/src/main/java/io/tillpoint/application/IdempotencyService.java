package io.tillpoint.application;

import io.tillpoint.domain.model.idempotency.IdempotencyKey;
import io.tillpoint.domain.model.idempotency.IdempotencyRecord;
import io.tillpoint.domain.model.idempotency.RequestFingerprint;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Idempotency keys in the database, so any instance can answer a retry. {@link #claim}
 * commits the key before the request runs: of concurrent requests with one key exactly
 * one proceeds; the others get the stored response, or 409 while the first still runs,
 * or 422 when their body differs.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyService {

    @Inject
    JpaIdempotencyStore store;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * Claims the key for this request. Empty: go ahead (and {@link #complete} later).
     * Present: replay this stored response. Throws 409/422 as the contract says.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StoredResponse> claim(String owner, IdempotencyKey key, RequestFingerprint fingerprint) {
        IdempotencyService self = context.getBusinessObject(IdempotencyService.class);
        if (self.tryInsert(owner, key, fingerprint)) {
            return Optional.empty();
        }
        IdempotencyRecord existing = self.find(IdempotencyRecord.idOf(owner, key))
                .orElseThrow(() -> new ConflictException("idempotency_in_progress",
                        "A request with this Idempotency-Key is still being processed; retry later"));
        return Optional.of(existing.replayFor(fingerprint));
    }

    public boolean tryInsert(String owner, IdempotencyKey key, RequestFingerprint fingerprint) {
        try {
            store.insertNow(IdempotencyRecord.begin(owner, key, fingerprint, clock.now()));
            return true;
        } catch (PersistenceException e) {
            context.setRollbackOnly();
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** SQLState 23505 (unique violation) on both PostgreSQL and H2. */
    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public Optional<IdempotencyRecord> find(String id) {
        return store.find(id);
    }

    public void complete(String owner, IdempotencyKey key, StoredResponse response) {
        store.find(IdempotencyRecord.idOf(owner, key)).ifPresent(r -> r.complete(response, clock.now()));
    }

    /** The request failed in a way worth retrying (a 5xx): forget the key so a retry can run. */
    public void release(String owner, IdempotencyKey key) {
        store.delete(IdempotencyRecord.idOf(owner, key));
    }
}
