package io.tillpoint.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.access.SecretMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client secrets under a keyed hash: fast, bound to the client, versioned by key; hashes of earlier
 * releases (PBKDF2) still verify and ask to be stored the new way.
 */
class HmacClientSecretsTest {

    private static final String SECRET = "sk_3kT9vQ2mX8pL5nR7aB4cD6eF8gH0jK2mN4pQ6rS8";
    private static final byte[] KEY_1 = new byte[32];
    private static final byte[] KEY_2 = new byte[32];

    static {
        KEY_1[0] = 1;
        KEY_2[0] = 2;
    }

    private final HmacClientSecrets v1 = new HmacClientSecrets(ClientSecretKeys.of(Map.of(1, KEY_1)));
    private final HmacClientSecrets v2 = new HmacClientSecrets(ClientSecretKeys.of(Map.of(1, KEY_1, 2, KEY_2)));

    @Test
    void theStoredFormNamesTheAlgorithmAndKeyVersionAndNeverHoldsTheSecret() {
        String stored = v1.hash("cli_1", SECRET);

        assertThat(stored).startsWith("hmac-sha256$v1$").doesNotContain(SECRET).doesNotContain("sk_");
        assertThat(stored.split("\\$")).hasSize(3);
    }

    @Test
    void theRightSecretMatchesAndAWrongOneDoesNot() {
        String stored = v1.hash("cli_1", SECRET);

        assertThat(v1.check("cli_1", SECRET, stored)).isEqualTo(SecretMatch.MATCH);
        assertThat(v1.check("cli_1", SECRET + "x", stored)).isEqualTo(SecretMatch.NO_MATCH);
        assertThat(v1.check("cli_1", "", stored)).isEqualTo(SecretMatch.NO_MATCH);
    }

    @Test
    void aHashBelongsToItsClient() {
        String stored = v1.hash("cli_1", SECRET);

        assertThat(v1.check("cli_2", SECRET, stored)).isEqualTo(SecretMatch.NO_MATCH);
    }

    @Test
    void theSameSecretHashesTheSameForOneClientUnderOneKey() {
        assertThat(v1.hash("cli_1", SECRET)).isEqualTo(v1.hash("cli_1", SECRET));
        assertThat(v2.hash("cli_1", SECRET)).startsWith("hmac-sha256$v2$").isNotEqualTo(v1.hash("cli_1", SECRET));
    }

    @Test
    void aHashUnderAnOlderKeyMatchesAndAsksToBeRehashed() {
        String old = v1.hash("cli_1", SECRET);

        assertThat(v2.check("cli_1", SECRET, old)).isEqualTo(SecretMatch.MATCH_REHASH);
        assertThat(v2.check("cli_1", SECRET, v2.hash("cli_1", SECRET))).isEqualTo(SecretMatch.MATCH);
    }

    @Test
    void aPbkdf2HashOfAnEarlierReleaseMatchesAndAsksToBeRehashed() {
        String legacy = SecretHasher.hash(SECRET, 1000);

        assertThat(v1.check("cli_1", SECRET, legacy)).isEqualTo(SecretMatch.MATCH_REHASH);
        assertThat(v1.check("cli_1", "wrong", legacy)).isEqualTo(SecretMatch.NO_MATCH);
    }

    @Test
    void aKeyThisInstanceDoesNotHaveOrAMalformedHashMatchesNothing() {
        String underV2 = v2.hash("cli_1", SECRET);

        assertThat(v1.check("cli_1", SECRET, underV2)).isEqualTo(SecretMatch.NO_MATCH);
        for (String malformed : new String[] {"hmac-sha256$v1$", "hmac-sha256$vX$abc", "hmac-sha256$v1$!!!", "garbage", ""}) {
            assertThat(v1.check("cli_1", SECRET, malformed)).as(malformed).isEqualTo(SecretMatch.NO_MATCH);
        }
        assertThat(v1.check("cli_1", SECRET, null)).isEqualTo(SecretMatch.NO_MATCH);
        assertThat(v1.check("cli_1", null, v1.hash("cli_1", SECRET))).isEqualTo(SecretMatch.NO_MATCH);
    }

    @Test
    void anUnknownClientIsCheckedAndNeverMatches() {
        assertThat(v1.checkUnknown("nobody", SECRET)).isEqualTo(SecretMatch.NO_MATCH);
        assertThat(v1.checkUnknown(null, null)).isEqualTo(SecretMatch.NO_MATCH);
    }

    @Test
    void anUnknownClientCostsAboutWhatAKnownOneCosts() {
        String stored = v1.hash("cli_1", SECRET);
        for (int i = 0; i < 20_000; i++) {
            v1.check("cli_1", "wrong", stored);
            v1.checkUnknown("cli_x", "wrong");
        }
        long known = 0;
        long unknown = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 20_000; i++) {
                v1.check("cli_1", "wrong", stored);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 20_000; i++) {
                v1.checkUnknown("cli_x", "wrong");
            }
            known += t1 - t0;
            unknown += System.nanoTime() - t1;
        }
        assertThat((double) unknown / known).as("unknown / known").isBetween(0.5, 2.0);
    }

    @Test
    void theFirstStartWritesVersionOneOwnerOnlyAndLaterStartsReadIt(@TempDir Path keys) throws Exception {
        ClientSecretKeys first = ClientSecretKeys.load(keys);
        ClientSecretKeys again = ClientSecretKeys.load(keys);

        assertThat(first.currentVersion()).isEqualTo(1);
        assertThat(again.key(1)).isEqualTo(first.key(1)).hasSize(32);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve("client-secret/v1.key")))).isEqualTo("rw-------");
    }

    @Test
    void anAddedVersionBecomesTheCurrentOneAndTheOldOneStillVerifies(@TempDir Path keys) throws Exception {
        ClientSecretKeys.load(keys);
        byte[] key = new byte[32];
        key[5] = 9;
        Files.writeString(keys.resolve("client-secret/v2.key"), java.util.Base64.getEncoder().encodeToString(key));

        ClientSecretKeys both = ClientSecretKeys.load(keys);

        assertThat(both.currentVersion()).isEqualTo(2);
        assertThat(both.key(1)).isNotNull();
    }
}
