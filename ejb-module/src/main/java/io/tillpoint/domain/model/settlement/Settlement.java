package io.tillpoint.domain.model.settlement;

import static io.tillpoint.domain.model.ledger.Account.GATEWAY_FEE_REVENUE;
import static io.tillpoint.domain.model.ledger.Account.MERCHANT_PAYABLE;
import static io.tillpoint.domain.model.ledger.Account.MERCHANT_PAYOUTS;
import static io.tillpoint.domain.model.ledger.Account.MERCHANT_SETTLED;

import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.JournalType;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import java.time.Instant;

/**
 * One merchant's settlement in one currency for one run: the totals of the transactions it took,
 * and, once completed, the balance it carried in and what it paid out.
 *
 * @param carriedIn what the merchant was owed from earlier settlements before this one (negative: a
 *     negative net carried over); null while open
 * @param payout what this settlement instructed to pay out (0: nothing); null while open
 */
public record Settlement(String id, String runId, String merchantId, String currency, Instant periodStart,
        Instant periodEnd, long gross, long refunds, long fees, int transactionCount, SettlementStatus status,
        Long carriedIn, Long payout, String journalId, Instant createdAt, Instant completedAt) {

    /** The contract's {@code net = gross - refunds - fees} (negative when refunds and fees exceed gross). */
    public long net() {
        return Math.subtractExact(Math.subtractExact(gross, refunds), fees);
    }

    /** What the merchant is owed after this settlement, before any payout. */
    public static long owedAfter(long carriedIn, long net) {
        return Math.addExact(carriedIn, net);
    }

    /** What is paid out after a settlement: all that is owed when positive; a negative balance never pays out. */
    public static long payoutFor(long carriedIn, long net) {
        return Math.max(0, owedAfter(carriedIn, net));
    }

    /**
     * The settlement's journal: the pending balance ({@code gross - refunds}) leaves
     * {@code MERCHANT_PAYABLE}, the fees go to the gateway's revenue and the net becomes payable to
     * the merchant ({@code MERCHANT_SETTLED}; a negative net is a debit there, carried over).
     */
    public Journal settlementJournal(Instant at) {
        CurrencyCode ccy = CurrencyCode.of(currency);
        return Journal.builder(JournalType.SETTLEMENT, merchantId, null, at).settles(id)
                .signed(MERCHANT_PAYABLE, Math.subtractExact(gross, refunds), ccy)
                .signed(GATEWAY_FEE_REVENUE, Math.negateExact(fees), ccy)
                .signed(MERCHANT_SETTLED, Math.negateExact(net()), ccy)
                .build();
    }

    /** The payout's journal: {@code amount} leaves the merchant's settled balance for the payouts in transit. */
    public Journal payoutJournal(long amount, Instant at) {
        Money paid = Money.of(amount, CurrencyCode.of(currency));
        return Journal.builder(JournalType.PAYOUT, merchantId, null, at).settles(id)
                .debit(MERCHANT_SETTLED, paid)
                .credit(MERCHANT_PAYOUTS, paid)
                .build();
    }

    /** Whether a settlement journal has anything to post (a settlement whose every total is zero has not). */
    public boolean postsAnything() {
        return gross != refunds || fees != 0;
    }
}
