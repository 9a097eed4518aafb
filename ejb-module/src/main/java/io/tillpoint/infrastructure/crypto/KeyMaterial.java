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
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys the gateway generates for itself on first start and keeps in
 * {@code <data dir>/keys}: the card fingerprint key. (The token signing keys are the ring of
 * {@link SigningKeyRing}, the client secret keys {@link ClientSecretKeys}.)
 */
@ApplicationScoped
public class KeyMaterial {

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    private byte[] fingerprintKey;

    @PostConstruct
    void load() {
        Path keys = Path.of(dataDir, "keys").toAbsolutePath();
        try {
            Files.createDirectories(keys);
            Path fingerprint = keys.resolve("card-fingerprint.key");
            if (!Files.exists(fingerprint)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeSecret(fingerprint, Base64.getEncoder().encodeToString(key));
            }
            fingerprintKey = Base64.getDecoder().decode(Files.readString(fingerprint).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create keys in " + keys, e);
        }
    }

    public byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static void writeSecret(Path file, String content) throws IOException {
        writeAtomically(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on non-POSIX file systems
        }
    }

    /** Two instances starting on one data folder must not read a half-written key. */
    static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
