package io.tillpoint.domain.model.ledger;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A balanced set of postings recorded together with the state change that caused it.
 * Built only through {@link #builder}, which refuses a journal that does not sum to zero
 * per currency; rows are append-only (no setters, no updatable columns, and on
 * PostgreSQL a trigger refuses UPDATE and DELETE).
 */
@Entity
@Table(name = "ledger_journal")
public class Journal {

    @Id
    @Column(length = 40, updatable = false)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32, updatable = false)
    private JournalType type;

    @Column(name = "merchant_id", nullable = false, length = 40, updatable = false)
    private String merchantId;

    @Column(name = "payment_id", length = 40, updatable = false)
    private String paymentId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** The settlement a SETTLEMENT or PAYOUT journal belongs to (unique per type); null otherwise. */
    @Column(length = 40, updatable = false)
    private String settles;

    @OneToMany(mappedBy = "journal", cascade = CascadeType.PERSIST)
    private List<Posting> postings = new ArrayList<>();

    protected Journal() {
    }

    public static Builder builder(JournalType type, String merchantId, String paymentId, Instant at) {
        return new Builder(type, merchantId, paymentId, at);
    }

    public String id() {
        return id;
    }

    public JournalType type() {
        return type;
    }

    public String merchantId() {
        return merchantId;
    }

    public String paymentId() {
        return paymentId;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }

    public String settles() {
        return settles;
    }

    public List<Posting> postings() {
        return Collections.unmodifiableList(postings);
    }

    /** Builds a journal from debits and credits of positive amounts; refuses one that does not balance. */
    public static final class Builder {
        private final Journal journal = new Journal();
        private final Map<String, Long> balance = new HashMap<>();

        private Builder(JournalType type, String merchantId, String paymentId, Instant at) {
            journal.id = Ids.timeOrderedUuid();
            journal.type = type;
            journal.merchantId = merchantId;
            journal.paymentId = paymentId;
            journal.createdAt = UtcTime.of(at);
        }

        /** Names the settlement this journal posts (a transaction's settlement is never posted twice). */
        public Builder settles(String settlementId) {
            journal.settles = settlementId;
            return this;
        }

        /** A debit when {@code signed} is positive, a credit when negative, nothing when zero. */
        public Builder signed(Account account, long signed, io.tillpoint.domain.shared.CurrencyCode currency) {
            return signed >= 0 ? debit(account, Money.of(signed, currency))
                    : credit(account, Money.of(Math.negateExact(signed), currency));
        }

        public Builder debit(Account account, Money amount) {
            return post(account, amount.minorUnits(), amount);
        }

        public Builder credit(Account account, Money amount) {
            return post(account, Math.negateExact(amount.minorUnits()), amount);
        }

        private Builder post(Account account, long signed, Money amount) {
            if (amount.minorUnits() < 0) {
                throw new IllegalArgumentException("post positive amounts; debit/credit gives the sign");
            }
            if (amount.isZero()) {
                return this;
            }
            String currency = amount.currency().code();
            journal.postings.add(new Posting(journal, account, journal.merchantId, currency, signed));
            balance.merge(currency, signed, Math::addExact);
            return this;
        }

        public Journal build() {
            balance.forEach((currency, sum) -> {
                if (sum != 0) {
                    throw new IllegalStateException("unbalanced journal: " + currency + " sums to " + sum);
                }
            });
            if (journal.postings.isEmpty()) {
                throw new IllegalStateException("a journal needs at least one posting");
            }
            return journal;
        }
    }
}
