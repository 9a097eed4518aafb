package io.tillpoint.infrastructure.crypto;

import io.tillpoint.domain.model.webhook.WebhookSecret;
import io.tillpoint.domain.model.webhook.WebhookSecretVault;
import io.tillpoint.infrastructure.crypto.CardDataKeys.Family;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhook signing secrets sealed with AES-256-GCM, as {@code s<v>.} + base64url(12-byte nonce,
 * ciphertext, 16-byte tag). The key of version {@code v} is derived from {@code
 * <data dir>/keys/webhook-secret.v<v>.key} (32 random bytes made on the first start, owner-only,
 * versioned and rotated like the card data keys: {@link CardDataKeys}) as HMAC-SHA256(file key,
 * "tillpoint webhook-secret AES-256-GCM"), so the file's bytes serve this one purpose. The
 * endpoint's id is the additional authenticated data: a sealed secret copied to another
 * endpoint's row does not open. New secrets are sealed with the current version; older ones open
 * while their version's file is held.
 */
@ApplicationScoped
public class AesGcmWebhookSecretVault implements WebhookSecretVault {

    private static final byte[] PURPOSE = "tillpoint webhook-secret AES-256-GCM".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tillpoint.keys.webhook-secret.version", defaultValue = "0")
    int currentVersion;

    private KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    /** For CDI. */
    public AesGcmWebhookSecretVault() {
    }

    /** Under {@code keys} (tests). */
    public AesGcmWebhookSecretVault(KeyRing keys) {
        this.keys = keys;
    }

    @PostConstruct
    void load() {
        keys = CardDataKeys.load(Path.of(dataDir, "keys").toAbsolutePath(), Family.WEBHOOK_SECRET, currentVersion);
    }

    @Override
    public String seal(String endpointId, WebhookSecret secret) {
        KeyRing.Version key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, endpointId);
            byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.US_ASCII));
            return "s" + key.number() + "." + B64.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public WebhookSecret open(String endpointId, String sealed) {
        int dot = sealed == null ? -1 : sealed.indexOf('.');
        if (dot < 2 || sealed.charAt(0) != 's') {
            throw new IllegalStateException("the secret of endpoint " + endpointId + " is not a sealed secret");
        }
        int version;
        byte[] bytes;
        try {
            version = Integer.parseInt(sealed.substring(1, dot));
            bytes = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secret of endpoint " + endpointId + " is not a sealed secret");
        }
        KeyRing.Version key = keys.version(version).orElseThrow(() -> new IllegalStateException(
                "the secret of endpoint " + endpointId + " is sealed under webhook-secret key version " + version
                        + ", which this instance does not hold"));
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalStateException("the secret of endpoint " + endpointId + " is not a sealed secret");
        }
        try {
            byte[] nonce = java.util.Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, endpointId);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return WebhookSecret.of(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret of endpoint " + endpointId + " does not open with its key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static Cipher cipher(int mode, KeyRing.Version key, byte[] nonce, String endpointId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.hmac(PURPOSE), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(endpointId.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
