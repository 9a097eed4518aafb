package io.tillpoint.domain.model.ledger;

import static io.tillpoint.domain.model.ledger.Account.ACQUIRER_RECEIVABLE;
import static io.tillpoint.domain.model.ledger.Account.MERCHANT_PAYABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A journal is built only when its postings sum to zero per currency. */
class JournalTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final CurrencyCode USD = CurrencyCode.of("USD");
    private static final CurrencyCode JPY = CurrencyCode.of("JPY");

    private static Journal.Builder journal() {
        return Journal.builder(JournalType.CAPTURE, "mer_test", "pay_test", NOW);
    }

    @Test
    void debitsArePositiveAndCreditsNegative() {
        Journal j = journal()
                .debit(ACQUIRER_RECEIVABLE, Money.of(1999, USD))
                .credit(MERCHANT_PAYABLE, Money.of(1999, USD))
                .build();

        assertThat(j.id()).isNotBlank();
        assertThat(j.type()).isEqualTo(JournalType.CAPTURE);
        assertThat(j.postings()).extracting(Posting::account, Posting::currency, Posting::amount).containsExactly(
                tuple(ACQUIRER_RECEIVABLE, "USD", 1999L),
                tuple(MERCHANT_PAYABLE, "USD", -1999L));
    }

    @Test
    void refusesAnUnbalancedJournal() {
        Journal.Builder unbalanced = journal()
                .debit(ACQUIRER_RECEIVABLE, Money.of(1999, USD))
                .credit(MERCHANT_PAYABLE, Money.of(1998, USD));

        assertThatThrownBy(unbalanced::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unbalanced").hasMessageContaining("USD");
    }

    @Test
    void balancesEachCurrencyOnItsOwn() {
        Journal.Builder crossCurrency = journal()
                .debit(ACQUIRER_RECEIVABLE, Money.of(1000, USD))
                .credit(MERCHANT_PAYABLE, Money.of(1000, JPY));

        assertThatThrownBy(crossCurrency::build).isInstanceOf(IllegalStateException.class);

        Journal twoCurrencies = journal()
                .debit(ACQUIRER_RECEIVABLE, Money.of(1000, USD))
                .credit(MERCHANT_PAYABLE, Money.of(1000, USD))
                .debit(ACQUIRER_RECEIVABLE, Money.of(500, JPY))
                .credit(MERCHANT_PAYABLE, Money.of(500, JPY))
                .build();
        assertThat(twoCurrencies.postings()).hasSize(4);
    }

    @Test
    void refusesANegativeAmountBecauseDebitOrCreditGivesTheSign() {
        assertThatThrownBy(() -> journal().debit(ACQUIRER_RECEIVABLE, Money.of(-1, USD)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal().credit(MERCHANT_PAYABLE, Money.of(-1, USD)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skipsZeroPostingsButRefusesAnEmptyJournal() {
        Journal.Builder onlyZeros = journal()
                .debit(ACQUIRER_RECEIVABLE, Money.zero(USD))
                .credit(MERCHANT_PAYABLE, Money.zero(USD));

        assertThatThrownBy(onlyZeros::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one posting");
    }

    @Test
    void postingsCannotBeChangedFromOutside() {
        Journal j = journal()
                .debit(ACQUIRER_RECEIVABLE, Money.of(1, USD))
                .credit(MERCHANT_PAYABLE, Money.of(1, USD))
                .build();

        assertThatThrownBy(() -> j.postings().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
