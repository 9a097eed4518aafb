package io.tillpoint.infrastructure.crypto;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The versions of one HMAC-SHA256 key: the current one makes new values, and the others still
 * held check values made before a rotation. A {@link Version} computes an HMAC in a microsecond
 * or two: it copies a {@link Mac} that was set up once, instead of looking the algorithm up and
 * setting the key again for every value.
 */
public final class KeyRing {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final Map<Integer, Version> versions;
    private final Version current;

    /**
     * @param keys the key bytes by version (1 and up)
     * @param currentVersion the version that makes new values; 0 for the highest
     */
    public KeyRing(Map<Integer, byte[]> keys, int currentVersion) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        TreeMap<Integer, Version> byVersion = new TreeMap<>();
        keys.forEach((version, key) -> byVersion.put(version, new Version(version, key)));
        this.versions = Map.copyOf(byVersion);
        int chosen = currentVersion == 0 ? byVersion.lastKey() : currentVersion;
        this.current = versions.get(chosen);
        if (current == null) {
            throw new IllegalArgumentException("key version " + chosen + " is configured as current but there is no such key");
        }
    }

    public Version current() {
        return current;
    }

    /** The key of {@code version}, when it is still held. */
    public Optional<Version> version(int version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** One version of the key. */
    public static final class Version {

        private final int number;
        private final SecretKeySpec key;
        private final Mac prototype;

        Version(int number, byte[] key) {
            if (number < 1) {
                throw new IllegalArgumentException("key versions start at 1");
            }
            if (key.length < 16) {
                throw new IllegalArgumentException("key version " + number + " is shorter than 128 bits");
            }
            this.number = number;
            this.key = new SecretKeySpec(key, HMAC_SHA256);
            this.prototype = newMac();
        }

        public int number() {
            return number;
        }

        /** HMAC-SHA256 of the parts, one after the other. */
        public byte[] hmac(byte[]... parts) {
            Mac mac = copy();
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }

        private Mac copy() {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                return newMac();
            }
        }

        private Mac newMac() {
            try {
                Mac mac = Mac.getInstance(HMAC_SHA256);
                mac.init(key);
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }

        @Override
        public String toString() {
            return "KeyRing.Version[" + number + "]";
        }
    }
}
