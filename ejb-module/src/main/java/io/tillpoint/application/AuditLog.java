package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditQuery;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail for operators: pages of entries, newest first. And the one entry that cannot
 * share its action's transaction: an action that runs outside any (a batch job's start, which
 * Jakarta Batch must begin with no transaction open) is recorded right after it, on its own.
 */
@Stateless
public class AuditLog {

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    public List<AuditEntry> list(AuditQuery query) {
        return trail.list(query);
    }

    public Optional<AuditEntry> find(String entryId) {
        return trail.find(entryId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordDone(AuditContext context, AuditAction action, AuditTarget target, AuditSnapshot before,
            AuditSnapshot after) {
        trail.append(AuditEntry.of(context, action, target, before, after, clock.now()));
    }
}
