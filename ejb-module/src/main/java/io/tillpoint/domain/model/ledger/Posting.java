package io.tillpoint.domain.model.ledger;

import io.tillpoint.domain.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a journal: a signed amount (debit positive, credit negative) on one account. Never updated. */
@Entity
@Table(name = "ledger_posting")
public class Posting {

    @Id
    @Column(length = 40, updatable = false)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "journal_id", updatable = false)
    private Journal journal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private Account account;

    @Column(name = "merchant_id", nullable = false, length = 40, updatable = false)
    private String merchantId;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(nullable = false, updatable = false)
    private long amount;

    protected Posting() {
    }

    Posting(Journal journal, Account account, String merchantId, String currency, long amount) {
        this.id = Ids.timeOrderedUuid();
        this.journal = journal;
        this.account = account;
        this.merchantId = merchantId;
        this.currency = currency;
        this.amount = amount;
    }

    public String id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String currency() {
        return currency;
    }

    public long amount() {
        return amount;
    }
}
