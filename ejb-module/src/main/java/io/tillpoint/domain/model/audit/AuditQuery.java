package io.tillpoint.domain.model.audit;

import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Instant;

/**
 * A page of the audit trail, newest first: entries of {@code actorId} (null: anyone), of
 * {@code action} (null: any), at or after {@code from} and before {@code to} (null: unbounded),
 * after the entry {@code startingAfter} (null: from the newest), at most {@code limit}.
 */
public record AuditQuery(String actorId, AuditAction action, Instant from, Instant to, AuditEntry startingAfter,
        int limit) {

    public static final int MAX_LIMIT = 100;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be an integer from 1 to 100");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be later than from");
        }
    }
}
