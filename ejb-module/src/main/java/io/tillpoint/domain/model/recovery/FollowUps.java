package io.tillpoint.domain.model.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The follow-ups on record. */
public interface FollowUps {

    /**
     * Claims up to {@code limit} follow-ups due at {@code now}, oldest first, for one worker:
     * each is moved to {@code leaseEnd} and its attempts counted, committed when this returns.
     * Rows another worker is claiming at the same moment are skipped, never waited for.
     */
    List<FollowUp> claimDue(Instant now, Instant leaseEnd, int limit);

    /** True when some follow-up is due at {@code now} (an index lookup). */
    boolean anyDue(Instant now);

    /** The follow-up, locked until the caller's transaction ends; empty when it was resolved already. */
    Optional<FollowUp> lock(String id);

    void add(FollowUp followUp);

    void remove(FollowUp followUp);
}
