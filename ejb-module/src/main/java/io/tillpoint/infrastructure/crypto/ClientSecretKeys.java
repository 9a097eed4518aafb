package io.tillpoint.infrastructure.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys client secrets are hashed under, {@code <data dir>/keys/client-secret/v<N>.key} (32
 * random bytes, base64, owner-only): the highest version hashes, every version verifies. The
 * first start writes {@code v1.key}. To rotate, add {@code v<N+1>.key} and restart the instances:
 * each client's hash moves to the new key the next time it presents its secret, and an older key
 * file may go once no {@code api_client.secret_hash} names its version.
 */
final class ClientSecretKeys {

    private static final Pattern FILE = Pattern.compile("v([1-9][0-9]{0,5})\\.key");

    private final Map<Integer, byte[]> keys;
    private final int current;

    private ClientSecretKeys(Map<Integer, byte[]> keys) {
        this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
        this.current = ((TreeMap<Integer, byte[]>) new TreeMap<>(keys)).lastKey();
    }

    /** In-memory keys (tests). */
    static ClientSecretKeys of(Map<Integer, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one client secret key");
        }
        return new ClientSecretKeys(keys);
    }

    /** The keys of {@code keysDir}/client-secret, writing {@code v1.key} when there is none. */
    static ClientSecretKeys load(Path keysDir) {
        Path dir = keysDir.resolve("client-secret");
        try {
            Files.createDirectories(dir);
            Map<Integer, byte[]> keys = read(dir);
            if (keys.isEmpty()) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                KeyMaterial.writeSecret(dir.resolve("v1.key"), Base64.getEncoder().encodeToString(key));
                keys = read(dir);
            }
            return new ClientSecretKeys(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the client secret keys in " + dir, e);
        }
    }

    private static Map<Integer, byte[]> read(Path dir) throws IOException {
        Map<Integer, byte[]> keys = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "v*.key")) {
            for (Path file : files) {
                Matcher m = FILE.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
                if (key.length < 32) {
                    throw new IllegalStateException(file + " holds fewer than 32 bytes: not a client secret key");
                }
                keys.put(Integer.parseInt(m.group(1)), key);
            }
        }
        return keys;
    }

    int currentVersion() {
        return current;
    }

    /** The key of {@code version}, or null when this instance has none. */
    byte[] key(int version) {
        return keys.get(version);
    }
}
