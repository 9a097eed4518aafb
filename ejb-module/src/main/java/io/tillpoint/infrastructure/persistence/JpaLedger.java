package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The ledger in two append-only tables; the checks are the SQL documented in the README. */
@ApplicationScoped
public class JpaLedger implements Ledger {

    @PersistenceContext(unitName = "tillpoint")
    private EntityManager em;

    @Override
    public void append(Journal journal) {
        em.persist(journal);
    }

    @Override
    public List<CurrencyBalance> balanceByCurrency() {
        List<Object[]> rows = em.createNativeQuery(
                "select currency, sum(amount), count(*) from ledger_posting group by currency order by currency")
                .getResultList();
        return rows.stream()
                .map(r -> new CurrencyBalance((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    @Override
    public List<String> unbalancedJournals() {
        List<?> rows = em.createNativeQuery(
                "select journal_id from ledger_posting group by journal_id, currency having sum(amount) <> 0")
                .setMaxResults(100)
                .getResultList();
        return rows.stream().map(Object::toString).toList();
    }
}
