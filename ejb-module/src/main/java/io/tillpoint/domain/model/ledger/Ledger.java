package io.tillpoint.domain.model.ledger;

import java.util.List;

/** Where journals are appended, and the invariant an operator can check at any time. */
public interface Ledger {

    void append(Journal journal);

    /** Per currency, the sum of every posting ever made: all zero when the ledger is sound. */
    List<CurrencyBalance> balanceByCurrency();

    /** Journals whose postings do not sum to zero in some currency: empty when the ledger is sound. */
    List<String> unbalancedJournals();

    /** Balance of one currency across every posting. */
    record CurrencyBalance(String currency, long sum, long postings) {
    }
}
