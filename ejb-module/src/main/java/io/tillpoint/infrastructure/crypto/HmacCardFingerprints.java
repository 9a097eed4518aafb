package io.tillpoint.infrastructure.crypto;

import io.tillpoint.domain.model.card.CardFingerprints;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.MerchantCardFingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Card fingerprints as HMAC-SHA256 under the keys of {@link CardDataKeys}, 132 bits of each
 * digest in base64url:
 * <ul>
 * <li>internal: {@code i<v>.} + HMAC(card-fingerprint key v, card number). Under version 1 the
 * digest is the one the gateway stored before versions existed, so old and new payments of a card
 * still share it;</li>
 * <li>a merchant's: {@code f<v>.} + HMAC(merchant-card-fingerprint key v, merchant id, 0, internal
 * fingerprint). Derived from the internal one, so it can be made for a stored payment without its
 * card number (the V4.1 migration does that).</li>
 * </ul>
 */
@ApplicationScoped
public class HmacCardFingerprints implements CardFingerprints {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int DIGEST_CHARS = 22;

    @Inject
    CardDataKeys keys;

    public HmacCardFingerprints() {
    }

    /** For tests and the migration: fingerprints under these keys. */
    public HmacCardFingerprints(CardDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public InternalCardFingerprint internal(CardNumber number) {
        return internal(keys.cardFingerprint().current(), number);
    }

    /** {@code number}'s internal fingerprint under key version {@code version}, if it is still held. */
    public Optional<InternalCardFingerprint> internal(CardNumber number, int version) {
        return keys.cardFingerprint().version(version).map(key -> internal(key, number));
    }

    @Override
    public MerchantCardFingerprint forMerchant(String merchantId, InternalCardFingerprint internal) {
        KeyRing.Version key = keys.merchantCardFingerprint().current();
        byte[] digest = key.hmac(merchantId.getBytes(StandardCharsets.UTF_8), new byte[] {0},
                internal.value().getBytes(StandardCharsets.US_ASCII));
        return new MerchantCardFingerprint("f" + key.number() + "." + shortened(digest));
    }

    private static InternalCardFingerprint internal(KeyRing.Version key, CardNumber number) {
        byte[] digest = key.hmac(number.reveal().getBytes(StandardCharsets.US_ASCII));
        return new InternalCardFingerprint("i" + key.number() + "." + shortened(digest));
    }

    private static String shortened(byte[] digest) {
        return B64.encodeToString(digest).substring(0, DIGEST_CHARS);
    }
}
