package io.tillpoint.domain.model.card;

/**
 * Keyed fingerprints of card numbers (a port; HMAC-SHA256 with keys of the data folder in
 * infrastructure). Without the keys a fingerprint says nothing about the number, which the small
 * space of card numbers would otherwise give away to a brute-force search.
 */
public interface CardFingerprints {

    /** The gateway's own fingerprint of {@code number}, under the current key. */
    InternalCardFingerprint internal(CardNumber number);

    /** What {@code merchantId} is shown for the card of {@code internal}, under the current key. */
    MerchantCardFingerprint forMerchant(String merchantId, InternalCardFingerprint internal);
}
