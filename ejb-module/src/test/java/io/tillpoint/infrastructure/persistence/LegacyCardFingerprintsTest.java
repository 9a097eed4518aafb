package io.tillpoint.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.card.CardFingerprints;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.MerchantCardFingerprint;
import org.junit.jupiter.api.Test;

/** Migration 4.1: a stored answer shows its merchant's fingerprint, never the gateway's own. */
class LegacyCardFingerprintsTest {

    /** Stands for the keys: the merchant's fingerprint names what it was derived from. */
    private static final CardFingerprints FINGERPRINTS = new CardFingerprints() {
        @Override
        public InternalCardFingerprint internal(CardNumber number) {
            throw new UnsupportedOperationException("the migration has no card numbers");
        }

        @Override
        public MerchantCardFingerprint forMerchant(String merchantId, InternalCardFingerprint internal) {
            return new MerchantCardFingerprint("f1." + merchantId + "/" + internal.value());
        }
    };

    private final LegacyCardFingerprints migration = new LegacyCardFingerprints(FINGERPRINTS);

    @Test
    void theFingerprintShownBeforeIsReplacedByTheMerchantsOwn() {
        String before = "{\"id\":\"pay_1\",\"payment_method\":{\"type\":\"card\",\"card\":{\"brand\":\"visa\","
                + "\"last4\":\"4242\",\"fingerprint\":\"AbCdEfGhIjKlMnOpQrSt_-\"}},\"risk\":null}";

        assertThat(migration.withMerchantFingerprint(before, "mer_1")).isEqualTo(before.replace(
                "\"fingerprint\":\"AbCdEfGhIjKlMnOpQrSt_-\"", "\"fingerprint\":\"f1.mer_1/i1.AbCdEfGhIjKlMnOpQrSt_-\""));
    }

    @Test
    void anAnswerWithoutAnOldFingerprintIsLeftAsItIs() {
        String after = "{\"card\":{\"fingerprint\":\"f1.AbCdEfGhIjKlMnOpQrSt_-\"}}";
        String refund = "{\"id\":\"re_1\",\"object\":\"refund\",\"amount\":100}";
        String none = "{\"card\":{\"fingerprint\":null}}";

        assertThat(migration.withMerchantFingerprint(after, "mer_1")).isEqualTo(after);
        assertThat(migration.withMerchantFingerprint(refund, "mer_1")).isEqualTo(refund);
        assertThat(migration.withMerchantFingerprint(none, "mer_1")).isEqualTo(none);
    }
}
