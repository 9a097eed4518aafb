package io.tillpoint.infrastructure.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys of card data, in {@code <data dir>/keys}, each with versions so that it can be
 * rotated (docs/operations.md, "Card data keys"):
 * <ul>
 * <li>{@code card-fingerprint}: the gateway's own card fingerprints. Version 1 is
 * {@code card-fingerprint.key}, the key of every fingerprint made before versions existed;
 * later ones are {@code card-fingerprint.v2.key} and so on;</li>
 * <li>{@code merchant-card-fingerprint}: the fingerprints merchants see ({@code .v1.key}, ...);</li>
 * <li>{@code request-fingerprint}: the fingerprints of idempotent requests ({@code .v1.key}, ...).</li>
 * </ul>
 * A family without any key gets version 1 on the first start (32 random bytes, base64, owner-only).
 * New values are made with the highest version, unless {@code tillpoint.keys.<family>.version}
 * names another (so that a cluster can take a new key everywhere before it is used anywhere).
 */
@ApplicationScoped
public class CardDataKeys {

    private static final Logger LOG = Logger.getLogger(CardDataKeys.class.getName());

    /**
     * The families and their file names: the three of card data, and the key webhook signing
     * secrets are sealed under ({@code webhook-secret}, loaded by {@link AesGcmWebhookSecretVault}
     * the same way).
     */
    public enum Family {
        CARD_FINGERPRINT("card-fingerprint", "card-fingerprint.key"),
        MERCHANT_CARD_FINGERPRINT("merchant-card-fingerprint", null),
        REQUEST_FINGERPRINT("request-fingerprint", null),
        WEBHOOK_SECRET("webhook-secret", null);

        private final String name;
        private final String firstVersionFile;

        Family(String name, String firstVersionFile) {
            this.name = name;
            this.firstVersionFile = firstVersionFile;
        }

        /** The family's name in file names and configuration keys. */
        public String fileName() {
            return name;
        }

        /** The file of {@code version}. */
        String file(int version) {
            return version == 1 && firstVersionFile != null ? firstVersionFile : name + ".v" + version + ".key";
        }

        /** The version of a file of this family, 0 when it is not one. */
        int versionOf(String file) {
            if (file.equals(firstVersionFile)) {
                return 1;
            }
            Matcher m = Pattern.compile(Pattern.quote(name) + "\\.v([1-9][0-9]{0,5})\\.key").matcher(file);
            return m.matches() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tillpoint.keys.card-fingerprint.version", defaultValue = "0")
    int cardFingerprintVersion;

    @Inject
    @ConfigProperty(name = "tillpoint.keys.merchant-card-fingerprint.version", defaultValue = "0")
    int merchantCardFingerprintVersion;

    @Inject
    @ConfigProperty(name = "tillpoint.keys.request-fingerprint.version", defaultValue = "0")
    int requestFingerprintVersion;

    private KeyRing cardFingerprint;
    private KeyRing merchantCardFingerprint;
    private KeyRing requestFingerprint;

    @PostConstruct
    void load() {
        Path keys = Path.of(dataDir, "keys").toAbsolutePath();
        cardFingerprint = load(keys, Family.CARD_FINGERPRINT, cardFingerprintVersion);
        merchantCardFingerprint = load(keys, Family.MERCHANT_CARD_FINGERPRINT, merchantCardFingerprintVersion);
        requestFingerprint = load(keys, Family.REQUEST_FINGERPRINT, requestFingerprintVersion);
    }

    /** Keys held elsewhere than in a data folder (tests). */
    public static CardDataKeys of(KeyRing cardFingerprint, KeyRing merchantCardFingerprint, KeyRing requestFingerprint) {
        CardDataKeys keys = new CardDataKeys();
        keys.cardFingerprint = cardFingerprint;
        keys.merchantCardFingerprint = merchantCardFingerprint;
        keys.requestFingerprint = requestFingerprint;
        return keys;
    }

    public KeyRing cardFingerprint() {
        return cardFingerprint;
    }

    public KeyRing merchantCardFingerprint() {
        return merchantCardFingerprint;
    }

    public KeyRing requestFingerprint() {
        return requestFingerprint;
    }

    /** The family's keys in {@code folder}, version 1 made first when it has none. */
    static KeyRing load(Path folder, Family family, int currentVersion) {
        try {
            Files.createDirectories(folder);
            if (read(folder, family).isEmpty()) {
                createIfAbsent(folder.resolve(family.file(1)));
            }
            Map<Integer, byte[]> keys = read(folder, family);
            KeyRing ring = new KeyRing(keys, currentVersion);
            LOG.info(() -> family.fileName() + " keys: versions " + keys.keySet() + ", current " + ring.current().number());
            return ring;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + family.fileName() + " key in " + folder, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the " + family.fileName() + " keys in " + folder + " cannot be used: "
                    + e.getMessage());
        }
    }

    private static Map<Integer, byte[]> read(Path folder, Family family) throws IOException {
        Map<Integer, byte[]> keys = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                int version = family.versionOf(file.getFileName().toString());
                if (version > 0) {
                    try {
                        keys.put(version, Base64.getDecoder().decode(Files.readString(file).strip()));
                    } catch (IllegalArgumentException notBase64) {
                        throw new IllegalArgumentException(file.getFileName() + " is not base64");
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Writes a new random key to {@code file} unless it exists: the key is written to a file of
     * its own and linked to its name, which fails when another instance on the same folder got
     * there first (then its key is the one).
     */
    private static void createIfAbsent(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
            try {
                Files.createLink(file, tmp);
                LOG.info(() -> "generated " + file);
            } catch (FileAlreadyExistsException takenMeanwhile) {
                // another instance made it first
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
