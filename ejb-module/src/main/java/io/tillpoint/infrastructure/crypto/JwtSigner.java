package io.tillpoint.infrastructure.crypto;

import io.tillpoint.infrastructure.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs JWT claims with RS256 (RSASSA-PKCS1-v1_5 with SHA-256), the algorithm MicroProfile JWT
 * verifies, under the ring's active key, whose id the header names ({@code kid}).
 */
@ApplicationScoped
public class JwtSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    SigningKeyRing keys;

    /** For CDI. */
    public JwtSigner() {
    }

    JwtSigner(SigningKeyRing keys) {
        this.keys = keys;
    }

    public String sign(JsonObject claims) {
        SigningKeyRing.SigningKey key = keys.signingKey();
        JsonObject header = Jsons.object().add("alg", "RS256").add("typ", "JWT").add("kid", key.kid()).build();
        String signingInput = B64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }
}
