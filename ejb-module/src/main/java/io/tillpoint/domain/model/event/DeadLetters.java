package io.tillpoint.domain.model.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where dead letters are kept, in the caller's transaction. */
public interface DeadLetters {

    void add(DeadLetter letter);

    /** The dead letter, locked for a change until the transaction ends. */
    Optional<DeadLetter> lock(String id);

    /** Up to {@code limit + 1} dead letters, newest first, after {@code startingAfter} (null: from the newest). */
    List<DeadLetter> list(DeadLetter startingAfter, boolean includeReplayed, int limit);

    Optional<DeadLetter> find(String id);

    /**
     * Sends the letter's message back to its queue, through the outbox (relayed after the
     * commit like any event), and records who did it when.
     */
    DeadLetter sendBack(DeadLetter letter, Instant at, String by);
}
