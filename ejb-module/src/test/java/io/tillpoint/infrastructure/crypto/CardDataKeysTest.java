package io.tillpoint.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.infrastructure.crypto.CardDataKeys.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card data keys in {@code <data dir>/keys}: made on the first start, with versions for rotation. */
class CardDataKeysTest {

    private static final CardNumber VISA = CardNumber.parse("4242424242424242");

    @TempDir
    Path data;

    private CardDataKeys start(int cardVersion) {
        CardDataKeys keys = new CardDataKeys();
        keys.dataDir = data.toString();
        keys.cardFingerprintVersion = cardVersion;
        keys.load();
        return keys;
    }

    @Test
    void theFirstStartMakesVersionOneOfEachKeyOwnerOnlyAndLaterStartsReadThem() throws Exception {
        CardDataKeys first = start(0);
        String fingerprint = new HmacCardFingerprints(first).internal(VISA).value();

        Path keys = data.resolve("keys");
        for (String file : new String[] {"card-fingerprint.key", "merchant-card-fingerprint.v1.key",
            "request-fingerprint.v1.key"}) {
            assertThat(keys.resolve(file)).exists();
            assertThat(Base64.getDecoder().decode(Files.readString(keys.resolve(file)))).hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file))))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(keys)) {
            assertThat(files).hasSize(3);
        }
        assertThat(new HmacCardFingerprints(start(0)).internal(VISA).value()).isEqualTo(fingerprint);
    }

    @Test
    void theCardFingerprintKeyOfEarlierReleasesIsVersionOne() throws Exception {
        Files.createDirectories(data.resolve("keys"));
        Files.writeString(data.resolve("keys/card-fingerprint.key"),
                Base64.getEncoder().encodeToString(TestKeys.key('c', 1)));

        CardDataKeys keys = start(0);

        assertThat(keys.cardFingerprint().current().number()).isEqualTo(1);
        assertThat(new HmacCardFingerprints(keys).internal(VISA))
                .isEqualTo(new HmacCardFingerprints(TestKeys.firstKeys()).internal(VISA));
    }

    @Test
    void aNewVersionIsCurrentUnlessTheConfigurationKeepsAnOlderOne() throws Exception {
        start(0);
        Files.writeString(data.resolve("keys/card-fingerprint.v2.key"),
                Base64.getEncoder().encodeToString(TestKeys.key('c', 2)));

        assertThat(start(0).cardFingerprint().current().number()).isEqualTo(2);
        CardDataKeys pinned = start(1);
        assertThat(pinned.cardFingerprint().current().number()).isEqualTo(1);
        assertThat(pinned.cardFingerprint().version(2)).isPresent();
    }

    @Test
    void aConfiguredVersionThatIsNotThereStopsTheStart() {
        start(0);

        Throwable thrown = catchThrowable(() -> start(3));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("card-fingerprint")
                .hasMessageContaining("version 3");
    }

    @Test
    void aKeyFileThatIsNotBase64StopsTheStartWithoutShowingIt() throws Exception {
        Files.createDirectories(data.resolve("keys"));
        Files.writeString(data.resolve("keys/request-fingerprint.v1.key"), "not a key: s3cr3t!");

        Throwable thrown = catchThrowable(() -> start(0));

        assertThat(thrown).hasMessageContaining("request-fingerprint.v1.key").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void filesOfAFamilyAreKnownByTheirNames() {
        assertThat(Family.CARD_FINGERPRINT.versionOf("card-fingerprint.key")).isEqualTo(1);
        assertThat(Family.CARD_FINGERPRINT.versionOf("card-fingerprint.v7.key")).isEqualTo(7);
        assertThat(Family.CARD_FINGERPRINT.versionOf("merchant-card-fingerprint.v1.key")).isZero();
        assertThat(Family.MERCHANT_CARD_FINGERPRINT.versionOf("merchant-card-fingerprint.v1.key")).isEqualTo(1);
        assertThat(Family.REQUEST_FINGERPRINT.versionOf("request-fingerprint.v0.key")).isZero();
        assertThat(Family.REQUEST_FINGERPRINT.versionOf("request-fingerprint.v1.key.tmp")).isZero();
        assertThat(Family.CARD_FINGERPRINT.file(1)).isEqualTo("card-fingerprint.key");
        assertThat(Family.REQUEST_FINGERPRINT.file(2)).isEqualTo("request-fingerprint.v2.key");
    }
}
