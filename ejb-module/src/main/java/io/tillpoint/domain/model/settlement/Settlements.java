package io.tillpoint.domain.model.settlement;

import io.tillpoint.domain.model.ledger.Journal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: runs, settlements, their items and payouts, on the connection of the caller's transaction. */
public interface Settlements {

    /** Creates the run for {@code cutoff} unless one exists; the run for that cut-off either way. */
    SettlementRun runFor(Instant cutoff, String id, String requestedBy, Instant now);

    Optional<SettlementRun> run(String runId);

    /** Runs not completed, oldest cut-off first. */
    List<SettlementRun> unfinishedRuns(int limit);

    /** The most recent cut-off before {@code cutoff} of any run: where a settlement's period starts. */
    Optional<Instant> previousCutoff(Instant cutoff);

    /**
     * Takes the run's lease for {@code owner} until {@code until}: true when the run is not completed
     * and its lease is free, run out, or already this owner's.
     */
    boolean takeLease(String runId, String owner, Instant now, Instant until);

    /** Renews the lease; false when another owner took the run over (the caller must stop). */
    boolean renewLease(String runId, String owner, Instant until);

    void recordStarted(String runId, String owner, long executionId, Instant now);

    void recordCompleted(String runId, Instant now);

    void recordFailed(String runId, String failure);

    /**
     * Up to {@code limit} capture and refund journals written before {@code cutoff} that no settlement
     * took, of payments not in review, in journal id order after {@code afterJournalId} (null: from the
     * first), with each merchant's pricing.
     */
    List<UnsettledTransaction> unsettled(Instant cutoff, String afterJournalId, int limit);

    /**
     * Adds {@code items} to the run's open settlements (creating them as needed, their period from
     * {@code periodStart} to the run's cut-off) in the caller's transaction. The items' journals are
     * unique: one already settled makes the whole write fail.
     */
    void addItems(SettlementRun run, Instant periodStart, List<SettlementItem> items, Instant now);

    /** The run's settlements still open. */
    List<Settlement> openSettlements(String runId);

    /** The run's settlement ids, in id order. */
    List<String> settlementIds(String runId);

    /**
     * Locks the merchant's balance in {@code currency} for the caller's transaction (settlements of
     * one merchant and currency complete one at a time), and returns what is owed to it from
     * earlier settlements: the credit balance of its settled account.
     */
    long lockAndReadOwed(String merchantId, String currency);

    /** Appends a settlement's or payout's journal in the caller's transaction. */
    void appendJournal(Journal journal);

    /** Completes an open settlement; false when it was not open (another instance completed it). */
    boolean complete(String settlementId, long carriedIn, long payout, String journalId, Instant now);

    void addPayout(Payout payout);

    Optional<Settlement> settlement(String settlementId);

    /** A merchant's settlements, newest period first, keyset after {@code startingAfter}. */
    List<Settlement> settlementsOf(String merchantId, String startingAfter, int limit);

    /** The settlement's items in journal order. */
    List<SettlementItem> items(String settlementId);

    Optional<Payout> payoutOf(String settlementId);

    /** Items settled by the run so far. */
    long itemCount(String runId);
}
