package io.tillpoint.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key ring of a data folder: a first key on a new folder, the earlier release's key
 * as the first kid of an old one, keys added, made active (once published) and retired without a
 * restart, and the JWKS that MicroProfile JWT reads.
 */
class KeyRingFolderTest {

    private static final Duration PUBLISH = Duration.ofSeconds(75);

    @TempDir
    Path keys;

    private KeyRingFolder folder;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void folder() {
        folder = new KeyRingFolder(keys);
    }

    private KeyRingFolder.Ring read(KeyRingFolder.Ring previous, Instant now) {
        return folder.read(previous, now, PUBLISH, warnings::add);
    }

    private static String newPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return KeyMaterial.pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
    }

    private void add(String kid, String pem, Instant addedAt) throws Exception {
        Path file = folder.signingDir().resolve(kid + ".pem");
        Files.writeString(file, pem);
        Files.setLastModifiedTime(file, FileTime.from(addedAt));
    }

    private void activate(String kid) throws Exception {
        Files.writeString(folder.signingDir().resolve("active"), kid + "\n");
    }

    @Test
    void aNewDataFolderGetsOneKeyThatIsActive() throws Exception {
        String kid = folder.initialize();
        KeyRingFolder.Ring ring = read(null, Instant.now());

        assertThat(kid).startsWith("k-").hasSize(14);
        assertThat(ring.keys().keySet()).containsExactly(kid);
        assertThat(ring.signingKid()).isEqualTo(kid);
        assertThat(Files.readString(folder.signingDir().resolve("active")).strip()).isEqualTo(kid);
        assertThat(folder.initialize()).as("a second start adds nothing").isNull();
        assertThat(warnings).isEmpty();
    }

    @Test
    void theEarlierReleasesKeyBecomesTheFirstKidAndKeepsVerifyingWhatItSigned() throws Exception {
        String legacy = newPem();
        Files.writeString(keys.resolve("jwt-private.pem"), legacy);

        String kid = folder.initialize();
        KeyRingFolder.Ring ring = read(null, Instant.now());

        assertThat(ring.signing().privateKey().getEncoded()).isEqualTo(KeyRingFolder.parse(legacy).getEncoded());
        KeyRingFolder another = new KeyRingFolder(Files.createTempDirectory(keys, "other"));
        Files.writeString(another.signingDir().getParent().resolve("jwt-private.pem"), legacy);
        assertThat(another.initialize()).as("two instances migrating one key agree on its kid").isEqualTo(kid);
    }

    @Test
    void anAddedKeyVerifiesAtOnceButSignsOnlyOncePublished() throws Exception {
        String first = folder.initialize();
        Instant now = Instant.now();
        KeyRingFolder.Ring before = read(null, now);

        add("k-2027", newPem(), now.minusSeconds(10));
        activate("k-2027");
        KeyRingFolder.Ring soon = read(before, now);

        assertThat(soon.keys().keySet()).containsExactlyInAnyOrder(first, "k-2027");
        assertThat(soon.signingKid()).as("not yet on every instance").isEqualTo(first);
        assertThat(warnings).anyMatch(w -> w.contains("k-2027"));

        KeyRingFolder.Ring later = read(soon, now.plus(PUBLISH));
        assertThat(later.signingKid()).isEqualTo("k-2027");
    }

    @Test
    void aRetiredKeyLeavesTheRingAndItsJwks() throws Exception {
        String first = folder.initialize();
        Instant now = Instant.now();
        add("k-2027", newPem(), now.minus(PUBLISH).minusSeconds(1));
        activate("k-2027");
        KeyRingFolder.Ring both = read(null, now);
        folder.publish(both);
        assertThat(jwksKids()).containsExactlyInAnyOrder(first, "k-2027");

        Files.delete(folder.signingDir().resolve(first + ".pem"));
        KeyRingFolder.Ring after = read(both, now);

        assertThat(after.keys().keySet()).containsExactly("k-2027");
        assertThat(after.sameKidsAs(both)).isFalse();
        assertThat(folder.publish(after)).isTrue();
        assertThat(jwksKids()).containsExactly("k-2027");
        assertThat(folder.publish(after)).as("unchanged: not written again").isFalse();
    }

    @Test
    void anActiveMarkerNamingNoKeyKeepsThePreviousSigningKey() throws Exception {
        String first = folder.initialize();
        KeyRingFolder.Ring ring = read(null, Instant.now());

        activate("k-nowhere");
        KeyRingFolder.Ring next = read(ring, Instant.now());

        assertThat(next.signingKid()).isEqualTo(first);
        assertThat(warnings).anyMatch(w -> w.contains("k-nowhere"));
    }

    @Test
    void filesThatAreNoKeyAreSkipped() throws Exception {
        String first = folder.initialize();
        Files.writeString(folder.signingDir().resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Files.writeString(folder.signingDir().resolve("bad kid.pem"), newPem());

        KeyRingFolder.Ring ring = read(null, Instant.now());

        assertThat(ring.keys().keySet()).containsExactly(first);
        assertThat(warnings).hasSize(2);
    }

    @Test
    void theJwksHoldsThePublicHalfThatVerifiesTheKeysSignature() throws Exception {
        folder.initialize();
        KeyRingFolder.Ring ring = read(null, Instant.now());
        folder.publish(ring);
        JsonObject jwk = jwks().getJsonArray("keys").getJsonObject(0);

        assertThat(jwk.getString("kid")).isEqualTo(ring.signingKid());
        assertThat(jwk.getString("kty")).isEqualTo("RSA");
        assertThat(jwk.getString("alg")).isEqualTo("RS256");
        assertThat(jwk.containsKey("d")).as("no private part").isFalse();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(ring.signing().privateKey());
        rsa.update(new byte[] {1, 2, 3});
        byte[] signature = rsa.sign();
        rsa.initVerify(ring.signing().publicKey());
        rsa.update(new byte[] {1, 2, 3});
        assertThat(rsa.verify(signature)).isTrue();
    }

    private JsonObject jwks() throws Exception {
        try (var reader = Jsons.reader(new StringReader(Files.readString(folder.jwksFile())))) {
            return reader.readObject();
        }
    }

    private List<String> jwksKids() throws Exception {
        return jwks().getJsonArray("keys").stream().map(v -> v.asJsonObject().getString("kid")).toList();
    }
}
