package io.tillpoint.application;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.DomainEvents;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.settlement.Payout;
import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementStatus;
import io.tillpoint.domain.model.settlement.Settlements;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.infrastructure.json.SettlementJson;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Completes one settlement in one transaction: under the merchant's balance lock, its journal (pending
 * balance to payable, fees to revenue), its payout (whatever the merchant is owed, when positive: a
 * negative balance is carried over and never paid out), its status and its {@code settlement.completed}
 * event through the outbox. A settlement that is completed already is left alone, so a restarted job
 * completes nothing twice; the ledger's unique {@code (settles, type)} refuses it too.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SettlementCompletion {

    @Inject
    Settlements settlements;

    @Inject
    DomainEvents events;

    @Inject
    Clock clock;

    @EJB
    SettlementService runs;

    /** Completes the settlement (renewing {@code owner}'s lease on its run); empty when it was completed already. */
    public Optional<Settlement> complete(String settlementId, String owner) {
        Settlement open = settlements.settlement(settlementId).orElseThrow();
        if (open.status() != SettlementStatus.OPEN) {
            return Optional.empty();
        }
        runs.renewLease(open.runId(), owner);
        Instant now = clock.now();
        long carriedIn = settlements.lockAndReadOwed(open.merchantId(), open.currency());
        String journalId = null;
        if (open.postsAnything()) {
            Journal journal = open.settlementJournal(now);
            settlements.appendJournal(journal);
            journalId = journal.id();
        }
        long payout = Settlement.payoutFor(carriedIn, open.net());
        if (payout > 0) {
            Journal paid = open.payoutJournal(payout, now);
            settlements.appendJournal(paid);
            settlements.addPayout(new Payout(Ids.newId("po"), open.id(), open.merchantId(), open.currency(), payout,
                    paid.id(), now));
        }
        if (!settlements.complete(open.id(), carriedIn, payout, journalId, now)) {
            throw new IllegalStateException("settlement " + open.id() + " was completed meanwhile");
        }
        Settlement done = settlements.settlement(open.id()).orElseThrow();
        events.record(DomainEvent.of(EventType.SETTLEMENT_COMPLETED, done.merchantId(), done.id(), now,
                SettlementJson.of(done).toString(), "{}"));
        return Optional.of(done);
    }
}
