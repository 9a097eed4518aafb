package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.event.DeadLetter;
import io.tillpoint.domain.model.event.DeadLetters;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Operators look at the messages consumers gave up on and send them back to their queue once
 * the cause is fixed. A replay is one transaction: the message goes into the outbox for its one
 * queue (the relay publishes it after the commit, as any event), the dead letter is marked
 * replayed, the audit entry is appended and the request's idempotency key completed, all or
 * nothing. The consumer handles it as a new delivery; an event it had consumed meanwhile is
 * skipped as a duplicate.
 */
@Stateless
public class DeadLetterAdministration {

    private static final Logger LOG = Logger.getLogger(DeadLetterAdministration.class.getName());
    public static final int MAX_LIMIT = 100;

    @Inject
    DeadLetters deadLetters;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    /** Up to {@code limit} + 1 dead letters, newest first, after {@code startingAfter} (an id; null: from the newest). */
    public List<DeadLetter> list(String startingAfter, boolean includeReplayed, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be an integer from 1 to 100");
        }
        DeadLetter cursor = null;
        if (startingAfter != null) {
            cursor = deadLetters.find(startingAfter)
                    .orElseThrow(() -> new InvalidInputException("starting_after", "is not a dead letter"));
        }
        return deadLetters.list(cursor, includeReplayed, limit);
    }

    public DeadLetter get(String id) {
        return deadLetters.find(id).orElseThrow(() -> new NotFoundException("dead_letter", id));
    }

    /**
     * Sends the dead letter's message back to its queue. A letter replayed before is a 409
     * {@code already_replayed}; one that is not an event at all cannot be replayed (409
     * {@code not_replayable}). {@code keyed} (the request's claimed key, or null) is completed
     * with {@code stored} in this transaction.
     */
    public DeadLetter replay(String id, AuditContext context, KeyedRequest keyed,
            Function<DeadLetter, StoredResponse> stored) {
        DeadLetter letter = deadLetters.lock(id).orElseThrow(() -> new NotFoundException("dead_letter", id));
        if (letter.replayed()) {
            throw new ConflictException("already_replayed", "Dead letter " + id + " was replayed at "
                    + letter.replayedAt() + " by " + letter.replayedBy());
        }
        if (letter.eventId() == null) {
            throw new ConflictException("not_replayable", "Dead letter " + id + " is not an event: it cannot be replayed");
        }
        Instant now = clock.now();
        DeadLetter replayed = deadLetters.sendBack(letter, now, context.actor().id());
        audit.append(AuditEntry.of(context, AuditAction.DEAD_LETTER_REPLAYED, AuditTarget.deadLetter(id), state(letter),
                state(replayed), now));
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(replayed), now);
        }
        LOG.info(() -> "dead letter " + id + " (event " + letter.eventId() + ") sent back to " + letter.queue() + " by "
                + context.actor().id());
        return replayed;
    }

    private static AuditSnapshot state(DeadLetter letter) {
        return AuditSnapshot.builder()
                .text("consumer", letter.consumer())
                .text("queue", letter.queue())
                .text("event_id", letter.eventId())
                .text("event_type", letter.eventType())
                .number("deliveries", (long) letter.deliveries())
                .text("replayed_at", letter.replayedAt() == null ? null : letter.replayedAt().toString())
                .build();
    }
}
