package io.tillpoint.domain.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers.
 *
 * <p>Public ones are opaque and unguessable, with a type prefix: {@code pay_0Tz1Wq8s3kT9...}.
 * They begin with the creation time, so that the rows of a table (and its primary-key index)
 * grow at one end: a random key sends each insert to a different index page, and PostgreSQL
 * writes a full copy of every page touched for the first time after a checkpoint into its
 * write-ahead log (with random ids: 17 KB of WAL per payment, three quarters of it page copies;
 * time-ordered: 7 KB, almost none). The time is public anyway (every object has a
 * {@code created_at}); the 16 random characters (95 bits) are what makes an id unguessable.
 */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    /**
     * A generator per thread. The platform's default ({@code NativePRNG}) serves every thread
     * through one lock and one reader of {@code /dev/urandom}: 1 % of the CPU per payment, with
     * threads waiting on each other. DRBG (NIST SP 800-90A) is seeded from the system's entropy
     * once per thread.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newGenerator);
    /** Eight base62 characters hold 2^47 milliseconds: until the year 6800. */
    private static final int TIME_LENGTH = 8;
    private static final int RANDOM_LENGTH = 16;

    private Ids() {
    }

    /** {@code prefix_} + creation time + 16 random characters, 24 characters after the prefix. */
    public static String newId(String prefix) {
        return newId(prefix, System.currentTimeMillis());
    }

    static String newId(String prefix, long epochMillis) {
        return prefix + "_" + base62(epochMillis, TIME_LENGTH) + randomToken(RANDOM_LENGTH);
    }

    /** A random base62 token of the given length (about 5.95 bits per character). */
    public static String randomToken(int length) {
        char[] out = new char[length];
        byte[] bytes = new byte[length + length / 2 + 8];
        int filled = 0;
        while (filled < length) {
            RANDOM.get().nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int sixBits = bytes[i] & 0x3F;
                if (sixBits < ALPHABET.length) {   // 62 of 64 values: no bias
                    out[filled++] = ALPHABET[sixBits];
                }
            }
        }
        return new String(out);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * An internal row id (ledger rows): a version 7 UUID, time-ordered like {@link #newId}. It
     * is never shown to anybody, so the random part need not be unguessable, only unique.
     */
    public static String timeOrderedUuid() {
        return timeOrderedUuid(System.currentTimeMillis()).toString();
    }

    static UUID timeOrderedUuid(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    public static boolean looksLike(String prefix, String id) {
        return id != null && id.length() <= 64 && id.startsWith(prefix + "_")
                && id.substring(prefix.length() + 1).chars().allMatch(Character::isLetterOrDigit);
    }

    private static String base62(long value, int length) {
        char[] out = new char[length];
        long rest = value;
        for (int i = length - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (rest % ALPHABET.length)];
            rest /= ALPHABET.length;
        }
        return new String(out);
    }
}
