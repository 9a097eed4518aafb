package io.tillpoint.domain.model.audit;

import io.tillpoint.domain.shared.Ids;
import java.time.Instant;

/**
 * One administrative action on record: who did it, what, to which object, from where, through
 * which request, when, and the object's state before and after (masked; null where there was no
 * object before, or none after). Entries are never changed or deleted.
 */
public record AuditEntry(String id, Instant occurredAt, Actor actor, AuditAction action, AuditTarget target,
        String originIp, String requestId, AuditSnapshot before, AuditSnapshot after) {

    public AuditEntry {
        if (id == null || occurredAt == null || actor == null || action == null || target == null) {
            throw new IllegalArgumentException("an audit entry has an id, a time, an actor, an action and a target");
        }
    }

    /** A new entry of {@code action} on {@code target}, asked for in {@code context}, at {@code now}. */
    public static AuditEntry of(AuditContext context, AuditAction action, AuditTarget target, AuditSnapshot before,
            AuditSnapshot after, Instant now) {
        return new AuditEntry(Ids.newId("aud"), now, context.actor(), action, target, context.originIp(),
                context.requestId(), before, after);
    }
}
