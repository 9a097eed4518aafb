package io.tillpoint.domain.model.idempotency;

import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.UnprocessableException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One use of an idempotency key by one caller. Inserted (primary key = caller + key) before
 * the request runs, so a concurrent duplicate fails on the key; completed with the
 * response, which later duplicates replay.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @Id
    @Column(length = 330)
    private String id;

    @Version
    private long version;

    @Column(name = "owner_id", nullable = false, length = 64, updatable = false)
    private String owner;

    @Column(name = "idem_key", nullable = false, length = 255, updatable = false)
    private String key;

    /**
     * The request's keyed fingerprint ({@link RequestFingerprint}); null in a record made before
     * issue 17, whose plain SHA-256 of the body the V4 migration erased.
     */
    @Column(name = "request_hash", length = 64, updatable = false)
    private String requestHash;

    @Column(nullable = false)
    private boolean completed;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_content_type", length = 100)
    private String responseContentType;

    @Column(name = "response_location", length = 500)
    private String responseLocation;

    @Column(name = "response_body")
    private byte[] responseBody;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    protected IdempotencyRecord() {
    }

    public static String idOf(String owner, IdempotencyKey key) {
        return owner + "|" + key.value();
    }

    public static IdempotencyRecord begin(String owner, IdempotencyKey key, RequestFingerprint fingerprint, Instant now) {
        IdempotencyRecord r = new IdempotencyRecord();
        r.id = idOf(owner, key);
        r.owner = owner;
        r.key = key.value();
        r.requestHash = fingerprint.value();
        r.createdAt = UtcTime.of(now);
        return r;
    }

    public static IdempotencyRecord begin(KeyedRequest request, Instant now) {
        return begin(request.owner(), request.key(), request.fingerprint(), now);
    }

    /** A record made when the answer is already known (a refusal of the request): completed at once. */
    public static IdempotencyRecord answered(KeyedRequest request, StoredResponse response, Instant now) {
        IdempotencyRecord r = begin(request, now);
        r.complete(response, now);
        return r;
    }

    /**
     * What a second request with this key gets: the stored response when it is the same request
     * and the first one finished; otherwise 422 (other body) or 409 (first still running). A
     * record whose fingerprint was erased (made before issue 17) cannot tell: it replays its
     * answer to any request with its key, as a retry expects; it is purged within 48 hours.
     */
    public StoredResponse replayFor(RequestFingerprint fingerprint) {
        if (requestHash != null && !fingerprint.matches(requestHash)) {
            throw new UnprocessableException("idempotency_key_reused",
                    "This Idempotency-Key was already used with a different request");
        }
        if (!completed) {
            throw new ConflictException("idempotency_in_progress",
                    "A request with this Idempotency-Key is still being processed; retry later");
        }
        return new StoredResponse(responseStatus, responseContentType, responseBody, responseLocation);
    }

    public void complete(StoredResponse response, Instant now) {
        this.completed = true;
        this.responseStatus = response.status();
        this.responseContentType = response.contentType();
        this.responseBody = response.body();
        this.responseLocation = response.location();
        this.completedAt = UtcTime.of(now);
    }

    public String id() {
        return id;
    }

    public boolean completed() {
        return completed;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(UtcTime.instant(completedAt));
    }
}
