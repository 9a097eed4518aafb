package io.tillpoint.application;

import io.tillpoint.domain.model.idempotency.IdempotencyRecord;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.infrastructure.persistence.DuplicateKey;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/**
 * Idempotency keys in the database, so any instance can answer a retry. {@link #claim}
 * commits the key before the request runs: of concurrent requests with one key exactly
 * one proceeds; the others get the stored response, or 409 while the first still runs,
 * or 422 when their body differs. (Creating a payment claims its key in its own first
 * transaction instead: see {@link PaymentService#createCardPayment}.)
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
    public Optional<StoredResponse> claim(KeyedRequest request) {
        IdempotencyService self = context.getBusinessObject(IdempotencyService.class);
        if (self.tryInsert(IdempotencyRecord.begin(request, clock.now()))) {
            return Optional.empty();
        }
        return Optional.of(replayFor(request));
    }

    /**
     * Keeps an answer that was given without claiming the key first (a request refused before
     * its use case ran). Empty: kept, send it. Present: another request with this key came
     * first; send its response instead. Throws 409/422 as {@link #claim} does.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StoredResponse> keep(KeyedRequest request, StoredResponse answer) {
        IdempotencyService self = context.getBusinessObject(IdempotencyService.class);
        if (self.tryInsert(IdempotencyRecord.answered(request, answer, clock.now()))) {
            return Optional.empty();
        }
        return Optional.of(replayFor(request));
    }

    /** What a request whose key is taken gets: the stored response, or 409/422. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredResponse replayFor(KeyedRequest request) {
        IdempotencyRecord existing = store.find(request.recordId())
                .orElseThrow(() -> new ConflictException("idempotency_in_progress",
                        "A request with this Idempotency-Key is still being processed; retry later"));
        return existing.replayFor(request.fingerprint());
    }

    public boolean tryInsert(IdempotencyRecord record) {
        try {
            store.insertNow(record);
            return true;
        } catch (PersistenceException e) {
            context.setRollbackOnly();
            if (DuplicateKey.causes(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Completes the key with {@code response} unless it is completed already (by the use case,
     * in the transaction of its effect).
     */
    public void complete(KeyedRequest request, StoredResponse response) {
        store.completeNow(request.recordId(), response, clock.now());
    }

    /**
     * The request failed in a way worth retrying (a 5xx): forget the key so a retry can run,
     * unless something was committed under it: a completed record, or an operation whose answer
     * recovery will store there. A retry then replays or waits for that, and never does it twice.
     */
    public void release(KeyedRequest request) {
        store.deleteIfUnused(request.recordId());
    }
}
