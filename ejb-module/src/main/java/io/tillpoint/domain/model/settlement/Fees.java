package io.tillpoint.domain.model.settlement;

/**
 * The contract's fee per captured transaction: {@code round_half_even(amount * percent_bps / 10000)
 * + fixed}, in the transaction's minor unit. Exact integer arithmetic: no floating point, no
 * BigDecimal. A refund takes no fee and gives none back.
 */
public final class Fees {

    private Fees() {
    }

    public static long captureFee(long amount, int percentBps, long fixed) {
        if (amount < 0) {
            throw new IllegalArgumentException("a captured amount is positive");
        }
        long product = Math.multiplyExact(amount, (long) percentBps);
        long quotient = product / 10_000;
        long remainder = product % 10_000;
        if (remainder > 5_000 || (remainder == 5_000 && quotient % 2 == 1)) {
            quotient++;
        }
        return Math.addExact(quotient, fixed);
    }
}
