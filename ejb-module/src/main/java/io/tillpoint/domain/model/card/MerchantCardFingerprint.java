package io.tillpoint.domain.model.card;

import java.util.Objects;

/**
 * The fingerprint of a card that one merchant sees ({@code card.fingerprint}): the same card gives
 * the same value to one merchant and different values to two, so merchants cannot link their
 * customers' cards with each other's. Derived from the {@link InternalCardFingerprint}; carries
 * the version of the key it was made with ({@code f<version>.<digest>}).
 */
public record MerchantCardFingerprint(String value) {

    public MerchantCardFingerprint {
        Objects.requireNonNull(value, "value");
    }

    /** The version of the key this fingerprint was made with. */
    public int keyVersion() {
        return KeyVersions.of(value, 'f');
    }
}
