package io.tillpoint.it;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The test server's token signing keys, from its data folder ({@code keys/signing/<kid>.pem} and
 * the {@code active} marker): lets a test mint tokens the gateway would not issue (expired, for
 * another audience) and add or retire keys as an operator does.
 */
final class SigningKeys {

    static final String AUDIENCE = "tillpoint-api";

    private SigningKeys() {
    }

    static Path folder() {
        return Path.of(System.getenv("TILLPOINT_DATA_DIR"), "keys", "signing");
    }

    static String activeKid() throws Exception {
        return Files.readString(folder().resolve("active")).strip();
    }

    static PrivateKey activeKey() throws Exception {
        return key(activeKid());
    }

    static PrivateKey key(String kid) throws Exception {
        String pem = Files.readString(folder().resolve(kid + ".pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** RS256 over {@code claims} with {@code key}, the header naming {@code kid} (none when null). */
    static String sign(String claims, PrivateKey key, String kid) throws Exception {
        var header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT");
        if (kid != null) {
            header.add("kid", kid);
        }
        String input = b64(header.build().toString()) + "." + b64(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    /** The header or claims of a compact token, as JSON text. */
    static String part(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }
}
