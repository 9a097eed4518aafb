package io.tillpoint.infrastructure.crypto;

import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The token signing keys of a data folder, {@code keys/signing/}: one PKCS#8 PEM file per key,
 * {@code <kid>.pem}, and the file {@code active} naming the kid that signs new tokens. Every key
 * in the folder verifies; the public halves are published as the JWKS {@code keys/jwks.json}, which
 * MicroProfile JWT reads ({@code mp.jwt.verify.publickey.location}).
 *
 * <p>A key is added by placing its file, made active by naming it in {@code active}, and retired
 * by removing its file. A newly named key signs only once its file is {@code publishDelay} old:
 * until then every instance's MicroProfile JWT may still hold the JWKS without it, and tokens it
 * signed would be refused there. (A first start, with nothing signing before, takes it at once.)
 *
 * <p>A data folder of an earlier release has {@code keys/jwt-private.pem}: its key becomes the
 * first kid of the ring. Plain Java, no container: the ring of {@link SigningKeyRing}.
 */
final class KeyRingFolder {

    static final String ACTIVE = "active";
    static final String JWKS = "jwks.json";
    static final String LEGACY_PRIVATE = "jwt-private.pem";
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** One key of the ring: its id, both halves, and when its file appeared. */
    record Key(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey, Instant addedAt) {

        @Override
        public String toString() {
            return "Key[" + kid + "]";
        }
    }

    /** The keys as one reading found them, and the kid that signs. */
    record Ring(Map<String, Key> keys, String signingKid) {

        Ring {
            keys = Collections.unmodifiableMap(new TreeMap<>(keys));
            if (!keys.containsKey(signingKid)) {
                throw new IllegalArgumentException("the signing key " + signingKid + " is not in the ring");
            }
        }

        Key signing() {
            return keys.get(signingKid);
        }

        boolean sameKidsAs(Ring other) {
            return other != null && keys.keySet().equals(other.keys.keySet());
        }

        /** The JWKS of every key, in kid order: the same keys give the same bytes on every instance. */
        String jwks() {
            JsonArrayBuilder array = Jsons.array();
            keys.values().forEach(k -> array.add(Jsons.object()
                    .add("kty", "RSA")
                    .add("use", "sig")
                    .add("alg", "RS256")
                    .add("kid", k.kid())
                    .add("n", unsigned(k.publicKey().getModulus()))
                    .add("e", unsigned(k.publicKey().getPublicExponent()))));
            return Jsons.object().add("keys", array).build().toString();
        }
    }

    private final Path keysDir;
    private final Path signingDir;

    KeyRingFolder(Path keysDir) {
        this.keysDir = keysDir;
        this.signingDir = keysDir.resolve("signing");
    }

    Path signingDir() {
        return signingDir;
    }

    Path jwksFile() {
        return keysDir.resolve(JWKS);
    }

    /**
     * Makes sure the ring has a key: the earlier release's {@code jwt-private.pem} becomes its
     * first (with a kid derived from the key, so that two instances migrating one folder agree),
     * and an empty folder gets a new key. Returns the kid it added, or null.
     */
    String initialize() {
        try {
            Files.createDirectories(signingDir);
            if (!pemFiles().isEmpty()) {
                return null;
            }
            Path legacy = keysDir.resolve(LEGACY_PRIVATE);
            String pem;
            if (Files.exists(legacy)) {
                pem = Files.readString(legacy);
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                pem = KeyMaterial.pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
            }
            RSAPrivateCrtKey key = parse(pem);
            String kid = "k-" + thumbprint(publicOf(key)).substring(0, 12);
            KeyMaterial.writeSecret(signingDir.resolve(kid + ".pem"), pem);
            KeyMaterial.writeAtomically(signingDir.resolve(ACTIVE), kid + "\n");
            return kid;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the token signing keys in " + signingDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the token signing keys in " + signingDir, e);
        }
    }

    /**
     * Reads the ring. {@code previous} is what signed until now (null on the first reading):
     * the active marker's key takes over once it has been published for {@code publishDelay};
     * a marker that names no key in the folder keeps the previous signing key while it is there,
     * else takes the newest key. Files that are no key are skipped with a warning.
     */
    Ring read(Ring previous, Instant now, Duration publishDelay, Consumer<String> warn) {
        Map<String, Key> keys = new TreeMap<>();
        for (Path file : pemFiles()) {
            String name = file.getFileName().toString();
            String kid = name.substring(0, name.length() - ".pem".length());
            if (!KID.matcher(kid).matches()) {
                warn.accept("skipped " + file + ": a key id has 1 to 64 letters, digits, '-' or '_'");
                continue;
            }
            try {
                RSAPrivateCrtKey key = parse(Files.readString(file));
                Instant added = Files.getLastModifiedTime(file).toInstant();
                keys.put(kid, new Key(kid, key, publicOf(key), added));
            } catch (NoSuchFileException removedMeanwhile) {
                // retired while we listed the folder
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                warn.accept("skipped " + file + ": not an RSA private key in PKCS#8 PEM (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no token signing key in " + signingDir);
        }
        String marker = activeMarker();
        String previousKid = previous == null ? null : previous.signingKid();
        String signing;
        if (marker != null && keys.containsKey(marker)) {
            boolean published = !keys.get(marker).addedAt().plus(publishDelay).isAfter(now);
            if (published || previousKid == null || previousKid.equals(marker) || !keys.containsKey(previousKid)) {
                signing = marker;
            } else {
                signing = previousKid;
                warn.accept("key " + marker + " is named active but was added less than " + publishDelay.toSeconds()
                        + " s ago: still signing with " + previousKid + " until every instance has it");
            }
        } else {
            signing = previousKid != null && keys.containsKey(previousKid) ? previousKid : newest(keys);
            warn.accept((marker == null ? "no valid key id in " + signingDir.resolve(ACTIVE)
                    : "the active key " + marker + " is not in " + signingDir) + ": signing with " + signing);
        }
        return new Ring(keys, signing);
    }

    /** Writes {@code keys/jwks.json} if it does not say what {@code ring} says; true when it wrote. */
    boolean publish(Ring ring) {
        String jwks = ring.jwks();
        Path file = jwksFile();
        try {
            if (Files.exists(file) && Files.readString(file).equals(jwks)) {
                return false;
            }
            KeyMaterial.writeAtomically(file, jwks);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the token verification keys in " + file, e);
        }
    }

    private String activeMarker() {
        try {
            String kid = Files.readString(signingDir.resolve(ACTIVE)).strip();
            return KID.matcher(kid).matches() ? kid : null;
        } catch (IOException missing) {
            return null;
        }
    }

    private java.util.List<Path> pemFiles() {
        java.util.List<Path> files = new java.util.ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(signingDir, "*.pem")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing keys in " + signingDir, e);
        }
        return files;
    }

    private static String newest(Map<String, Key> keys) {
        return keys.values().stream().max(java.util.Comparator.comparing(Key::addedAt).thenComparing(Key::kid))
                .orElseThrow().kid();
    }

    static RSAPrivateCrtKey parse(String pem) throws GeneralSecurityException {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new GeneralSecurityException("not a PKCS#8 private key");
        }
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey crt) {
            if (crt.getModulus().bitLength() < 2048) {
                throw new GeneralSecurityException("an RSA key of fewer than 2048 bits");
            }
            return crt;
        }
        throw new GeneralSecurityException("not an RSA private key with its public exponent");
    }

    static RSAPublicKey publicOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    /** The key's RFC 7638 thumbprint (SHA-256 of its canonical JWK), base64url. */
    static String thumbprint(RSAPublicKey key) throws GeneralSecurityException {
        String canonical = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + unsigned(key.getModulus()) + "\"}";
        return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** A JWK integer: big-endian, no sign byte, base64url. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64URL.encodeToString(bytes);
    }
}
