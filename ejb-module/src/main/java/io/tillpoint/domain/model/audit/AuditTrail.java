package io.tillpoint.domain.model.audit;

import java.util.List;
import java.util.Optional;

/** Where audit entries are kept: appended in the caller's transaction, never changed. */
public interface AuditTrail {

    void append(AuditEntry entry);

    Optional<AuditEntry> find(String entryId);

    /** Up to {@code query.limit() + 1} entries, newest first (one more than a page tells whether more follow). */
    List<AuditEntry> list(AuditQuery query);
}
