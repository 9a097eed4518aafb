package io.tillpoint.domain.model.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Blocklist entries (a port). A removed entry stays on record. */
public interface Blocklist {

    void add(BlocklistEntry entry);

    Optional<BlocklistEntry> find(String entryId);

    /** The active entry of this kind and value (and merchant, for a customer id), if any. */
    Optional<BlocklistEntry> findActive(BlocklistKind kind, String value, String merchantId);

    /** Removes an active entry in the caller's transaction; false when it was not active. */
    boolean remove(String entryId, Instant at, String by, String reason);

    /**
     * Active entries, newest first, of {@code kind} (null: all), after {@code startingAfter}
     * (null: from the newest): up to {@code limit + 1}.
     */
    List<BlocklistEntry> listActive(BlocklistKind kind, BlocklistEntry startingAfter, int limit);
}
