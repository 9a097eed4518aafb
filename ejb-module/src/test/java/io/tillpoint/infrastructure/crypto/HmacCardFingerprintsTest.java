package io.tillpoint.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.MerchantCardFingerprint;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 2: the fingerprint a merchant sees is derived per merchant (the same card gives
 * the same value to one merchant, different values to two); the gateway's own is kept apart; both
 * carry the version of their key.
 */
class HmacCardFingerprintsTest {

    private static final CardNumber VISA = CardNumber.parse("4242424242424242");
    private static final CardNumber MASTERCARD = CardNumber.parse("5555555555554444");
    private final HmacCardFingerprints fingerprints = new HmacCardFingerprints(TestKeys.firstKeys());

    @Test
    void theInternalFingerprintUnderVersionOneIsTheOneStoredBeforeVersionsExisted() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestKeys.key('c', 1), "HmacSHA256"));
        String before = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("4242424242424242".getBytes(StandardCharsets.US_ASCII))).substring(0, 22);

        InternalCardFingerprint internal = fingerprints.internal(VISA);

        assertThat(internal.value()).isEqualTo("i1." + before);
        assertThat(internal.keyVersion()).isEqualTo(1);
    }

    @Test
    void theSameCardHasTheSameInternalFingerprintAndAnotherCardAnother() {
        assertThat(fingerprints.internal(CardNumber.parse("4242 4242 4242 4242"))).isEqualTo(fingerprints.internal(VISA));
        assertThat(fingerprints.internal(MASTERCARD)).isNotEqualTo(fingerprints.internal(VISA));
    }

    @Test
    void oneMerchantSeesTheSameFingerprintForACardAndTwoMerchantsSeeDifferentOnes() {
        InternalCardFingerprint internal = fingerprints.internal(VISA);

        MerchantCardFingerprint a = fingerprints.forMerchant("mer_a", internal);
        MerchantCardFingerprint again = fingerprints.forMerchant("mer_a", fingerprints.internal(VISA));
        MerchantCardFingerprint b = fingerprints.forMerchant("mer_b", internal);

        assertThat(again).isEqualTo(a);
        assertThat(b).isNotEqualTo(a);
        assertThat(a.value()).startsWith("f1.").hasSize(25);
        assertThat(a.keyVersion()).isEqualTo(1);
        assertThat(a.value().substring(3)).isNotEqualTo(internal.value().substring(3));
        assertThat(fingerprints.forMerchant("mer_a", fingerprints.internal(MASTERCARD))).isNotEqualTo(a);
    }

    @Test
    void aMerchantIdCannotBeShiftedIntoTheFingerprint() {
        InternalCardFingerprint internal = new InternalCardFingerprint("i1.xyz");
        InternalCardFingerprint shifted = new InternalCardFingerprint("1.xyz");

        assertThat(fingerprints.forMerchant("mer_a", internal)).isNotEqualTo(fingerprints.forMerchant("mer_ai", shifted));
    }

    @Test
    void aNewKeyVersionMakesNewValuesWhileTheOldOneStillAnswersForItsOwn() {
        CardDataKeys rotated = CardDataKeys.of(TestKeys.ring('c', 0, 1, 2), TestKeys.ring('m', 0, 1, 2),
                TestKeys.ring('r', 0, 1));
        HmacCardFingerprints after = new HmacCardFingerprints(rotated);

        assertThat(after.internal(VISA).value()).startsWith("i2.").isNotEqualTo(fingerprints.internal(VISA).value());
        assertThat(after.internal(VISA, 1)).contains(fingerprints.internal(VISA));
        assertThat(after.internal(VISA, 3)).isEmpty();
        assertThat(after.forMerchant("mer_a", after.internal(VISA)).value()).startsWith("f2.");
    }
}
