package io.tillpoint.domain.model.risk;

/**
 * A merchant's usual amounts in one currency: the count, mean and sum of squared deviations
 * (Welford's running form) of the natural logarithm of its approved amounts. Amounts spread over
 * orders of magnitude, so their logarithm is what is roughly normal. "Far above" is more than
 * {@code deviations} standard deviations above the mean, where the deviation counts as at least
 * {@value #MIN_DEVIATION} (a merchant that always takes one amount is not flagged for twice it).
 */
public record MerchantAmounts(long payments, double logMean, double logM2) {

    static final double MIN_DEVIATION = 0.5;

    public static final MerchantAmounts NONE = new MerchantAmounts(0, 0, 0);

    /** With one more approved amount. */
    public MerchantAmounts with(long minorUnits) {
        double x = Math.log(minorUnits);
        long n = payments + 1;
        double delta = x - logMean;
        double mean = logMean + delta / n;
        return new MerchantAmounts(n, mean, logM2 + delta * (x - mean));
    }

    public double deviation() {
        return payments < 2 ? 0 : Math.sqrt(logM2 / (payments - 1));
    }

    /** The largest amount that is not far above the usual range, in minor units. */
    public double ceiling(double deviations) {
        return Math.exp(logMean + deviations * Math.max(deviation(), MIN_DEVIATION));
    }

    public boolean isFarAbove(long minorUnits, double deviations) {
        return minorUnits > ceiling(deviations);
    }
}
