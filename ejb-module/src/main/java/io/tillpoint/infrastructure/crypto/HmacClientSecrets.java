package io.tillpoint.infrastructure.crypto;

import io.tillpoint.domain.model.access.ClientSecrets;
import io.tillpoint.domain.model.access.SecretMatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Client secrets as {@code hmac-sha256$v<N>$<base64url HMAC-SHA256(key N, client id NUL secret)>}:
 * one HMAC per check (microseconds), bound to the client id (a hash copied to another client
 * matches nothing). Hashes of earlier releases ({@code pbkdf2-sha256$...}) still verify, and are
 * reported as {@link SecretMatch#MATCH_REHASH} so that the caller stores the new form; so are
 * hashes under an older key. A check for a client that does not exist computes the same HMAC.
 */
@ApplicationScoped
public class HmacClientSecrets implements ClientSecrets {

    static final String PREFIX = "hmac-sha256$v";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] NOBODY = new byte[32];

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    private ClientSecretKeys keys;

    /** For CDI. */
    public HmacClientSecrets() {
    }

    HmacClientSecrets(ClientSecretKeys keys) {
        this.keys = keys;
    }

    @PostConstruct
    void load() {
        keys = ClientSecretKeys.load(Path.of(dataDir, "keys").toAbsolutePath());
    }

    @Override
    public String hash(String clientId, String secret) {
        int version = keys.currentVersion();
        return PREFIX + version + "$" + B64.encodeToString(mac(keys.key(version), clientId, secret));
    }

    @Override
    public SecretMatch check(String clientId, String secret, String storedHash) {
        if (clientId == null || secret == null || storedHash == null) {
            return checkUnknown(clientId, secret);
        }
        if (storedHash.startsWith(SecretHasher.PREFIX)) {
            return SecretHasher.matches(secret, storedHash) ? SecretMatch.MATCH_REHASH : SecretMatch.NO_MATCH;
        }
        if (!storedHash.startsWith(PREFIX)) {
            return checkUnknown(clientId, secret);
        }
        int dollar = storedHash.indexOf('$', PREFIX.length());
        int version = -1;
        byte[] expected = null;
        try {
            version = Integer.parseInt(storedHash.substring(PREFIX.length(), dollar));
            expected = Base64.getUrlDecoder().decode(storedHash.substring(dollar + 1));
        } catch (RuntimeException malformed) {
            // falls through: the same work, no match
        }
        byte[] key = keys.key(version);
        if (key == null || expected == null) {
            return checkUnknown(clientId, secret);
        }
        if (!MessageDigest.isEqual(expected, mac(key, clientId, secret))) {
            return SecretMatch.NO_MATCH;
        }
        return version == keys.currentVersion() ? SecretMatch.MATCH : SecretMatch.MATCH_REHASH;
    }

    @Override
    public SecretMatch checkUnknown(String clientId, String secret) {
        byte[] work = mac(keys.key(keys.currentVersion()), clientId == null ? "" : clientId, secret == null ? "" : secret);
        MessageDigest.isEqual(NOBODY, work);
        return SecretMatch.NO_MATCH;
    }

    private static byte[] mac(byte[] key, String clientId, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(clientId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
