package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditQuery;
import io.tillpoint.domain.model.console.ConsoleAction;
import io.tillpoint.domain.model.console.ConsoleCaller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/** The audit trail in the back office: read-only pages, newest first, for the roles that may see it. */
@Stateless
public class BackOfficeAudit {

    @EJB
    AuditLog log;

    public List<AuditEntry> list(ConsoleCaller caller, AuditQuery query) {
        caller.require(ConsoleAction.VIEW_AUDIT);
        return log.list(query);
    }
}
