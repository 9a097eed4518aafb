package io.tillpoint.domain.shared;

/**
 * An amount in a currency's minor unit (cents for USD, yen for JPY, fils for BHD).
 * Never floating point; arithmetic fails loudly on overflow or currency mismatch.
 */
public record Money(long minorUnits, CurrencyCode currency) implements Comparable<Money> {

    /** The largest amount one payment may carry: 10^12 minor units. */
    public static final long MAX_PAYMENT_AMOUNT = 1_000_000_000_000L;

    public Money {
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
    }

    public static Money of(long minorUnits, CurrencyCode currency) {
        return new Money(minorUnits, currency);
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    /** A payment amount as the contract allows it: greater than 0 and at most 10^12. */
    public static Money paymentAmount(long minorUnits, CurrencyCode currency, String param) {
        if (minorUnits <= 0) {
            throw new InvalidInputException(param, "must be greater than 0 (an integer in the currency's minor unit)");
        }
        if (minorUnits > MAX_PAYMENT_AMOUNT) {
            throw new InvalidInputException(param, "must be at most " + MAX_PAYMENT_AMOUNT + " minor units");
        }
        return new Money(minorUnits, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return minorUnits + " " + currency;
    }
}
