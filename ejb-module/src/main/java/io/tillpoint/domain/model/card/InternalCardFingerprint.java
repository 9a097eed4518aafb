package io.tillpoint.domain.model.card;

import java.util.Objects;

/**
 * The gateway's own keyed fingerprint of a card number: the same card gives the same value under
 * one key, whichever merchant takes it (risk rules link cards with it). Never shown to anyone:
 * merchants see a {@link MerchantCardFingerprint} derived from it. The value carries the version
 * of the key it was made with ({@code i<version>.<digest>}), so that keys can be rotated.
 */
public record InternalCardFingerprint(String value) {

    public InternalCardFingerprint {
        Objects.requireNonNull(value, "value");
    }

    /** The version of the key this fingerprint was made with. */
    public int keyVersion() {
        return KeyVersions.of(value, 'i');
    }

    @Override
    public String toString() {
        return "InternalCardFingerprint[" + keyVersion() + "]";
    }
}
