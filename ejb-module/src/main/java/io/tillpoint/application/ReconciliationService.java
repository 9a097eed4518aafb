package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.reconciliation.ClearedTransaction;
import io.tillpoint.domain.model.reconciliation.ClearingFile;
import io.tillpoint.domain.model.reconciliation.ClearingFiles;
import io.tillpoint.domain.model.reconciliation.Matching;
import io.tillpoint.domain.model.reconciliation.Mismatch;
import io.tillpoint.domain.model.reconciliation.ReconciliationException;
import io.tillpoint.domain.model.reconciliation.ReconciliationRun;
import io.tillpoint.domain.model.reconciliation.Reconciliations;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reconciliation of a day: an operator asks for it (recorded with its audit entry), the
 * reconciliation job matches the acquirer's clearing file of the day with our capture and refund
 * journals of the day and records each exception in one transaction; operators list the exceptions
 * and resolve them with a reason (audit-logged).
 */
@Stateless
public class ReconciliationService {

    public static final AuditAction RUN_REQUESTED = new AuditAction("reconciliation_run.requested");
    public static final AuditAction EXCEPTION_RESOLVED = new AuditAction("reconciliation_exception.resolved");

    @Inject
    Reconciliations reconciliations;

    @Inject
    ClearingFiles files;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public ReconciliationRun request(LocalDate day, String merchantId, AuditContext context) {
        Instant now = clock.now();
        if (day.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            throw new InvalidInputException("date", "must not be in the future");
        }
        ReconciliationRun run = new ReconciliationRun(Ids.newId("rec"), day, merchantId, "requested",
                context.actor().id(), now, null, 0, 0, 0, null, null);
        reconciliations.addRun(run);
        audit.append(AuditEntry.of(context, RUN_REQUESTED, new AuditTarget("reconciliation_run", run.id()), null,
                AuditSnapshot.builder().text("date", day.toString()).text("merchant_id", merchantId).build(), now));
        return run;
    }

    public ReconciliationRun run(String id) {
        return reconciliations.run(id).orElseThrow(() -> new NotFoundException("reconciliation run", id));
    }

    public void recordStarted(String runId, long executionId) {
        reconciliations.recordStarted(runId, executionId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailed(String runId, String failure) {
        reconciliations.recordFailed(runId, failure);
    }

    /** Matches the run's day and records what it finds, all or nothing; the number of exceptions. */
    public int reconcile(String runId) {
        ReconciliationRun run = run(runId);
        if (run.status().equals("completed")) {
            return run.exceptions();
        }
        String text = files.forDay(run.day()).orElseThrow(() -> new IllegalStateException("no clearing file for "
                + run.day()));
        List<ClearedTransaction> theirs = ClearingFile.parse(text).stream()
                .filter(t -> run.merchantId() == null || run.merchantId().equals(t.merchantId())).toList();
        List<ClearedTransaction> ours = reconciliations.oursOn(run.day()).stream()
                .filter(t -> run.merchantId() == null || run.merchantId().equals(t.merchantId())).toList();
        List<Mismatch> found = Matching.match(ours, theirs);
        Instant now = clock.now();
        found.forEach(m -> reconciliations.addException(runId, run.day(), m, now));
        reconciliations.recordDone(runId, theirs.size(), ours.size(), found.size(), now);
        return found.size();
    }

    public List<ReconciliationException> exceptions(String status, String runId, String startingAfter, int limit) {
        return reconciliations.exceptions(status, runId, startingAfter, limit);
    }

    public ReconciliationException exception(String id) {
        return reconciliations.exception(id).orElseThrow(() -> new NotFoundException("reconciliation exception", id));
    }

    /** Resolves an open exception with the operator's reason, with its audit entry; 409 when it is resolved already. */
    public ReconciliationException resolve(String id, String reason, AuditContext context) {
        ReconciliationException before = exception(id);
        Instant now = clock.now();
        if (!reconciliations.resolve(id, context.actor().id(), reason, now)) {
            throw new InvalidStateException("The exception is resolved already");
        }
        ReconciliationException after = exception(id);
        audit.append(AuditEntry.of(context, EXCEPTION_RESOLVED, new AuditTarget("reconciliation_exception", id),
                AuditSnapshot.builder().text("status", before.status()).text("kind", before.kind().wire()).build(),
                AuditSnapshot.builder().text("status", after.status()).text("kind", after.kind().wire())
                        .text("reason", reason).build(),
                now));
        return after;
    }
}
