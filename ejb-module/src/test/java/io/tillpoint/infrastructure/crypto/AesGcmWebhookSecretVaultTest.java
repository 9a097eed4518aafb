package io.tillpoint.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tillpoint.domain.model.webhook.WebhookSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook secrets at rest: sealed under a versioned key of the data folder, bound to their endpoint. */
class AesGcmWebhookSecretVaultTest {

    private static final WebhookSecret SECRET = WebhookSecret.generate();

    @TempDir
    Path data;

    private AesGcmWebhookSecretVault start(int version) {
        AesGcmWebhookSecretVault vault = new AesGcmWebhookSecretVault();
        vault.dataDir = data.toString();
        vault.currentVersion = version;
        vault.load();
        return vault;
    }

    @Test
    void aSealedSecretOpensAgainAndHoldsNothingOfItInClear() {
        AesGcmWebhookSecretVault vault = new AesGcmWebhookSecretVault(TestKeys.ring('w', 0, 1));

        String sealed = vault.seal("we_1", SECRET);

        assertThat(sealed).startsWith("s1.").hasSizeLessThanOrEqualTo(200).doesNotContain(SECRET.reveal())
                .doesNotContain(SECRET.reveal().substring(6, 20));
        assertThat(vault.open("we_1", sealed)).isEqualTo(SECRET);
        assertThat(vault.seal("we_1", SECRET)).as("a fresh nonce every time").isNotEqualTo(sealed);
    }

    @Test
    void aSealedSecretCopiedToAnotherEndpointDoesNotOpen() {
        AesGcmWebhookSecretVault vault = new AesGcmWebhookSecretVault(TestKeys.ring('w', 0, 1));
        String sealed = vault.seal("we_1", SECRET);

        Throwable thrown = catchThrowable(() -> vault.open("we_2", sealed));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("we_2")
                .hasMessageNotContaining(SECRET.reveal());
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        AesGcmWebhookSecretVault vault = new AesGcmWebhookSecretVault(TestKeys.ring('w', 0, 1));
        String sealed = vault.seal("we_1", SECRET);
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(catchThrowable(() -> vault.open("we_1", tampered))).isInstanceOf(IllegalStateException.class);
        assertThat(catchThrowable(() -> vault.open("we_1", "whsec_plain"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterAKeyRotationNewSecretsTakeTheNewKeyAndOldOnesStillOpen() {
        String old = new AesGcmWebhookSecretVault(TestKeys.ring('w', 0, 1)).seal("we_1", SECRET);
        AesGcmWebhookSecretVault rotated = new AesGcmWebhookSecretVault(TestKeys.ring('w', 0, 1, 2));

        assertThat(rotated.seal("we_1", SECRET)).startsWith("s2.");
        assertThat(rotated.open("we_1", old)).isEqualTo(SECRET);
        Throwable gone = catchThrowable(() -> new AesGcmWebhookSecretVault(TestKeys.ring('w', 0, 2)).open("we_1", old));
        assertThat(gone).hasMessageContaining("version 1");
    }

    @Test
    void theFirstStartMakesTheKeyFileOwnerOnlyAndALaterStartOpensWhatTheFirstSealed() throws Exception {
        String sealed = start(0).seal("we_1", SECRET);

        Path key = data.resolve("keys/webhook-secret.v1.key");
        assertThat(key).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(key))).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(start(0).open("we_1", sealed)).isEqualTo(SECRET);
    }
}
