package io.tillpoint.infrastructure.crypto;

import java.util.Map;
import java.util.TreeMap;

/** Key rings for tests: version n of a family is n bytes of the family's letter repeated to 32. */
final class TestKeys {

    private TestKeys() {
    }

    static byte[] key(char family, int version) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (family * 31 + version * 7 + i);
        }
        return key;
    }

    static KeyRing ring(char family, int current, int... versions) {
        Map<Integer, byte[]> keys = new TreeMap<>();
        for (int version : versions) {
            keys.put(version, key(family, version));
        }
        return new KeyRing(keys, current);
    }

    /** Version 1 of every key. */
    static CardDataKeys firstKeys() {
        return CardDataKeys.of(ring('c', 0, 1), ring('m', 0, 1), ring('r', 0, 1));
    }
}
