package io.tillpoint.domain.model.merchant;

import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A merchant's fee per captured transaction: percent in basis points plus a fixed minor-unit amount. */
@Embeddable
public class Pricing {

    @Column(name = "fee_percent_bps", nullable = false)
    private int percentBps;

    @Column(name = "fee_fixed", nullable = false)
    private long fixed;

    protected Pricing() {
    }

    public static Pricing of(long percentBps, long fixed) {
        if (percentBps < 0 || percentBps > 10_000) {
            throw new InvalidInputException("pricing.percent_bps", "must be 0 to 10000 basis points");
        }
        if (fixed < 0 || fixed > 1_000_000) {
            throw new InvalidInputException("pricing.fixed", "must be 0 to 1000000 minor units");
        }
        Pricing p = new Pricing();
        p.percentBps = (int) percentBps;
        p.fixed = fixed;
        return p;
    }

    public int percentBps() {
        return percentBps;
    }

    public long fixed() {
        return fixed;
    }
}
