package io.tillpoint.infrastructure.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys the gateway generates for itself on first start and keeps in
 * {@code <data dir>/keys}: the RS256 token signing pair (the public half is what
 * MicroProfile JWT verifies with) and the card fingerprint key.
 */
@ApplicationScoped
public class KeyMaterial {

    private static final Logger LOG = Logger.getLogger(KeyMaterial.class.getName());

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    private PrivateKey signingKey;
    private RSAPublicKey verificationKey;
    private byte[] fingerprintKey;

    @PostConstruct
    void load() {
        Path keys = Path.of(dataDir, "keys").toAbsolutePath();
        try {
            Files.createDirectories(keys);
            Path privatePem = keys.resolve("jwt-private.pem");
            Path publicPem = keys.resolve("jwt-public.pem");
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writeSecret(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                writeAtomically(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                LOG.info(() -> "generated a new token signing key pair in " + keys);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            signingKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privatePem)));
            verificationKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(readPem(publicPem)));

            Path fingerprint = keys.resolve("card-fingerprint.key");
            if (!Files.exists(fingerprint)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeSecret(fingerprint, Base64.getEncoder().encodeToString(key));
            }
            fingerprintKey = Base64.getDecoder().decode(Files.readString(fingerprint).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create keys in " + keys, e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load keys from " + keys, e);
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public RSAPublicKey verificationKey() {
        return verificationKey;
    }

    public byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void writeSecret(Path file, String content) throws IOException {
        writeAtomically(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on non-POSIX file systems
        }
    }

    /** Two instances starting on one data folder must not read a half-written key. */
    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
