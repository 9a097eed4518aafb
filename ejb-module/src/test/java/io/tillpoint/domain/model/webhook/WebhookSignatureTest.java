package io.tillpoint.domain.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Contract, "Webhooks": {@code Tillpoint-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body" with the secret>}. */
class WebhookSignatureTest {

    private static final WebhookSecret SECRET = WebhookSecret.of("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    private static final WebhookSecret OLD_SECRET = WebhookSecret.of("whsec_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment.captured\",\"data\":{}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final long T = 1_764_064_800L;

    @Test
    void theHeaderIsTheTimeAndTheHexHmacOfTimeDotBodyUnderTheSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((T + "." + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.header(T, BODY, List.of(SECRET))).isEqualTo("t=" + T + ",v1=" + expected);
    }

    @Test
    void duringARotationsGraceBothSecretsSignTheCurrentOneFirst() {
        String header = WebhookSignature.header(T, BODY, List.of(SECRET, OLD_SECRET));

        assertThat(header).matches("t=" + T + ",v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(header.split(",")[1]).isEqualTo(WebhookSignature.header(T, BODY, List.of(SECRET)).split(",")[1]);
        assertThat(WebhookSignature.verifies(header, BODY, SECRET, T, 300)).isTrue();
        assertThat(WebhookSignature.verifies(header, BODY, OLD_SECRET, T, 300)).isTrue();
    }

    @Test
    void aReceiverRefusesAnotherBodyAnotherSecretAnotherTimeAndAnOldTimestamp() {
        String header = WebhookSignature.header(T, BODY, List.of(SECRET));
        byte[] tampered = "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verifies(header, BODY, SECRET, T + 299, 300)).isTrue();
        assertThat(WebhookSignature.verifies(header, tampered, SECRET, T, 300)).isFalse();
        assertThat(WebhookSignature.verifies(header, BODY, OLD_SECRET, T, 300)).isFalse();
        assertThat(WebhookSignature.verifies(header.replace("t=" + T, "t=" + (T + 1)), BODY, SECRET, T, 300)).isFalse();
        assertThat(WebhookSignature.verifies(header, BODY, SECRET, T + 301, 300)).isFalse();
        assertThat(WebhookSignature.verifies(null, BODY, SECRET, T, 300)).isFalse();
        assertThat(WebhookSignature.verifies("t=x,v1=zz", BODY, SECRET, T, 300)).isFalse();
    }

    @Test
    void aSecretIsWhsecAnd32RandomCharactersAndNeverShowsInToString() {
        WebhookSecret one = WebhookSecret.generate();
        WebhookSecret other = WebhookSecret.generate();

        assertThat(one.reveal()).matches("whsec_[0-9A-Za-z]{32}");
        assertThat(one).isNotEqualTo(other);
        assertThat(one.toString()).doesNotContain(one.reveal().substring(6));
        assertThat(WebhookSecret.of(one.reveal())).isEqualTo(one);
    }
}
