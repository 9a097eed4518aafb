package io.tillpoint.application;

import io.tillpoint.domain.model.ledger.Ledger;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The ledger invariant, for operators: every currency sums to zero and no journal is unbalanced. */
@Stateless
public class LedgerCheck {

    @Inject
    Ledger ledger;

    public Result check() {
        List<Ledger.CurrencyBalance> balances = ledger.balanceByCurrency();
        List<String> unbalanced = ledger.unbalancedJournals();
        boolean balanced = unbalanced.isEmpty() && balances.stream().allMatch(b -> b.sum() == 0);
        return new Result(balanced, balances, unbalanced);
    }

    public record Result(boolean balanced, List<Ledger.CurrencyBalance> currencies, List<String> unbalancedJournals) {
    }
}
