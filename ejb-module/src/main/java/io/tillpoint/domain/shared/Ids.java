package io.tillpoint.domain.shared;

import java.security.SecureRandom;

/** Opaque, unguessable identifiers with a type prefix: {@code pay_3kT9...}. */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 24;

    private Ids() {
    }

    public static String newId(String prefix) {
        return prefix + "_" + randomToken(LENGTH);
    }

    /** A random base62 token of the given length (about 5.95 bits per character). */
    public static String randomToken(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    public static boolean looksLike(String prefix, String id) {
        return id != null && id.length() <= 64 && id.startsWith(prefix + "_")
                && id.substring(prefix.length() + 1).chars().allMatch(Character::isLetterOrDigit);
    }
}
