package io.tillpoint.infrastructure.crypto;

import io.tillpoint.domain.model.card.CardNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed fingerprint of a card number (HMAC-SHA256 with a key from the data folder):
 * the same card gives the same fingerprint, and without the key the number cannot be
 * recovered or tested by brute force over the small PAN space.
 */
@ApplicationScoped
public class CardFingerprinter {

    @Inject
    KeyMaterial keys;

    public String fingerprint(CardNumber number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.fingerprintKey(), "HmacSHA256"));
            byte[] digest = mac.doFinal(number.reveal().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
