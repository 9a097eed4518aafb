package io.tillpoint.domain.model.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Freezes (a port). Lifted and expired freezes stay on record. */
public interface Freezes {

    void add(Freeze freeze);

    Optional<Freeze> find(String freezeId);

    /** Lifts an active freeze in the caller's transaction; false when it was not active at {@code at}. */
    boolean lift(String freezeId, Instant at, String by, String reason);

    /**
     * Serializes, until the caller's transaction ends, every decision about freezing this
     * subject, so that two consumers counting the same subject at once freeze it once.
     */
    void lockSubject(SubjectKind kind, String value, String merchantId);

    /**
     * Whether the subject has a freeze active at {@code at}; {@code merchantId} is a customer's
     * merchant, or the merchant a card freeze is scoped to (null: the card anywhere).
     */
    boolean activeFor(SubjectKind kind, String value, String merchantId, Instant at);

    /** What {@link #list} returns. */
    enum Listed { ACTIVE, ALL }

    /** Freezes, newest first, after {@code startingAfter} (null: from the newest): up to {@code limit + 1}. */
    List<Freeze> list(Listed which, Instant now, Freeze startingAfter, int limit);
}
