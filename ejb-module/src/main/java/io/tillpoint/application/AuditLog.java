package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditQuery;
import io.tillpoint.domain.model.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail for operators: pages of entries, newest first. Entries are written by the
 * services whose actions they record, in the same transaction.
 */
@Stateless
public class AuditLog {

    @Inject
    AuditTrail trail;

    public List<AuditEntry> list(AuditQuery query) {
        return trail.list(query);
    }

    public Optional<AuditEntry> find(String entryId) {
        return trail.find(entryId);
    }
}
