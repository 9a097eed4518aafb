package io.tillpoint.application;

import io.tillpoint.domain.shared.DomainException;

/** The caller's merchant is suspended: 403 {@code merchant_suspended}. */
public class MerchantSuspendedException extends DomainException {

    public static final String CODE = "merchant_suspended";
    public static final String DETAIL = "This merchant is suspended; contact the platform operator";

    public MerchantSuspendedException() {
        super(CODE, DETAIL);
    }
}
