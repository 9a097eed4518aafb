package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.settlement.Payout;
import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementItem;
import io.tillpoint.domain.model.settlement.SettlementRun;
import io.tillpoint.domain.model.settlement.Settlements;
import io.tillpoint.domain.model.settlement.UnsettledTransaction;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Settlement runs: asked for by an operator or the schedule (one run per cut-off), read and written a
 * chunk at a time by the settlement job in the chunk's transaction, and read back for the API.
 * Completing a settlement is {@link SettlementCompletion}'s, one transaction per settlement.
 */
@Stateless
public class SettlementService {

    public static final AuditAction RUN_REQUESTED = new AuditAction("settlement_run.requested");

    @Inject
    Settlements settlements;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    SettlementSettings settings;

    /**
     * The run for {@code cutoff}, recorded with its audit entry unless it exists (asking again for a
     * cut-off settles nothing twice: it names the same run). A cut-off in the future is refused.
     */
    public SettlementRun requestRun(Instant cutoff, AuditContext context) {
        Instant now = clock.now();
        if (cutoff.isAfter(now)) {
            throw new InvalidInputException("cutoff", "must not be in the future");
        }
        SettlementRun run = settlements.runFor(cutoff, Ids.newId("run"), context.actor().id(), now);
        audit.append(AuditEntry.of(context, RUN_REQUESTED, new AuditTarget("settlement_run", run.id()), null,
                AuditSnapshot.builder().text("cutoff", cutoff.toString()).text("status", run.status().wire()).build(),
                now));
        return run;
    }

    /** The schedule's run for the latest daily cut-off (created once, by whichever instance comes first). */
    public SettlementRun scheduledRun() {
        Instant now = clock.now();
        return settlements.runFor(settings.lastCutoff(now), Ids.newId("run"), "schedule", now);
    }

    public SettlementRun run(String runId) {
        return settlements.run(runId).orElseThrow(() -> new NotFoundException("settlement run", runId));
    }

    public List<SettlementRun> unfinishedRuns() {
        return settlements.unfinishedRuns(20);
    }

    public List<String> settlementIds(String runId) {
        return settlements.settlementIds(runId);
    }

    public long transactionsSettled(String runId) {
        return settlements.itemCount(runId);
    }

    /** Takes the run's lease for this instance; false when another live instance holds it. */
    public boolean takeLease(String runId) {
        Instant now = clock.now();
        return settlements.takeLease(runId, settings.owner(), now, now.plus(settings.lease()));
    }

    public void recordStarted(String runId, long executionId) {
        settlements.recordStarted(runId, settings.owner(), executionId, clock.now());
    }

    public void recordFailed(String runId, String failure) {
        settlements.recordFailed(runId, failure);
    }

    /** Renews {@code owner}'s lease on the run; refuses (and so rolls back the caller) when another instance took it over. */
    public void renewLease(String runId, String owner) {
        if (!settlements.renewLease(runId, owner, clock.now().plus(settings.lease()))) {
            throw new IllegalStateException("settlement run " + runId + " was taken over by another instance");
        }
    }

    /** A page of the transactions the run still has to settle, after {@code afterJournalId}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UnsettledTransaction> unsettled(String runId, String afterJournalId, int limit) {
        return settlements.unsettled(run(runId).cutoff(), afterJournalId, limit);
    }

    /**
     * Adds a chunk of settled transactions to the run's settlements, in the chunk's transaction (with
     * the job's checkpoint): all or nothing. {@code owner} must still hold the run's lease.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String runId, String owner, List<SettlementItem> items) {
        renewLease(runId, owner);
        SettlementRun run = run(runId);
        Instant periodStart = settlements.previousCutoff(run.cutoff())
                .orElseGet(() -> items.stream().map(SettlementItem::occurredAt).min(Instant::compareTo)
                        .orElse(run.cutoff()));
        settlements.addItems(run, periodStart, items, clock.now());
    }

    public List<Settlement> openSettlements(String runId) {
        return settlements.openSettlements(runId);
    }

    public void recordCompleted(String runId) {
        settlements.recordCompleted(runId, clock.now());
    }

    /** A merchant's own settlement; another merchant's is a 404. */
    public Settlement settlementOf(String merchantId, String settlementId) {
        return settlements.settlement(settlementId).filter(s -> s.merchantId().equals(merchantId))
                .orElseThrow(() -> new NotFoundException("settlement", settlementId));
    }

    public List<Settlement> settlementsOf(String merchantId, String startingAfter, int limit) {
        return settlements.settlementsOf(merchantId, startingAfter, limit);
    }

    public List<SettlementItem> items(String settlementId) {
        return settlements.items(settlementId);
    }

    public Optional<Payout> payoutOf(String settlementId) {
        return settlements.payoutOf(settlementId);
    }
}
