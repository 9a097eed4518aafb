package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.webhook.DeliveryAttempt;
import io.tillpoint.domain.model.webhook.ReceiverAddresses;
import io.tillpoint.domain.model.webhook.WebhookSecret;
import io.tillpoint.domain.model.webhook.WebhookSignature;
import io.tillpoint.domain.model.webhook.WebhookTransport;
import io.tillpoint.domain.model.webhook.WebhookUrl;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One attempt: the addresses checked again, the body signed with every signing secret, the outcome recorded. */
class WebhookSenderTest {

    private static final WebhookSecret CURRENT = WebhookSecret.generate();
    private static final WebhookSecret PREVIOUS = WebhookSecret.generate();
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment.captured\",\"data\":{\"amount\":1}}";

    private final List<Map<String, String>> sentHeaders = new ArrayList<>();
    private final List<InetAddress> sentTo = new ArrayList<>();
    private final List<DeliveryAttempt> recorded = new ArrayList<>();
    private final WebhookSender sender = new WebhookSender();
    private InetAddress resolvesTo;

    @BeforeEach
    void wire() throws Exception {
        resolvesTo = InetAddress.getByName("93.184.216.34");
        sender.settings = new WebhookSettings();
        sender.settings.timeoutMs = 2000;
        sender.addresses = new ReceiverAddresses(host -> List.of(resolvesTo), false);
        sender.transport = new WebhookTransport() {
            @Override
            public DeliveryAttempt post(WebhookUrl url, InetAddress address, Map<String, String> headers, byte[] body,
                    Duration timeout) {
                sentHeaders.add(headers);
                sentTo.add(address);
                assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(BODY);
                assertThat(timeout).isEqualTo(Duration.ofSeconds(2));
                return DeliveryAttempt.answered(200, "ok");
            }
        };
        sender.dispatch = new WebhookDispatch() {
            @Override
            public void record(String id, int attempt, DeliveryAttempt outcome) {
                assertThat(id).isEqualTo("whd_1");
                assertThat(attempt).isEqualTo(3);
                recorded.add(outcome);
            }
        };
    }

    private static ClaimedDelivery claimed(WebhookSecret... secrets) {
        return new ClaimedDelivery("whd_1", 3, "evt_1", WebhookUrl.parse("https://hooks.example.com/tillpoint"), BODY,
                List.of(secrets));
    }

    @Test
    void theAttemptGoesToTheAddressJustCheckedSignedAndIsRecorded() throws Exception {
        long before = System.currentTimeMillis() / 1000;

        sender.attempt(claimed(CURRENT));

        assertThat(sentTo).containsExactly(InetAddress.getByName("93.184.216.34"));
        Map<String, String> headers = sentHeaders.get(0);
        assertThat(headers).containsEntry("Content-Type", "application/json").containsEntry("Tillpoint-Event-Id", "evt_1")
                .containsEntry("Tillpoint-Delivery-Id", "whd_1");
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verifies(headers.get("Tillpoint-Signature"), body, CURRENT, before, 5)).isTrue();
        assertThat(recorded).containsExactly(DeliveryAttempt.answered(200, "ok"));
    }

    @Test
    void whileARotatedOutSecretIsInItsGraceTheHeaderCarriesBothSignatures() {
        sender.attempt(claimed(CURRENT, PREVIOUS));

        String signature = sentHeaders.get(0).get("Tillpoint-Signature");
        long now = System.currentTimeMillis() / 1000;
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verifies(signature, body, CURRENT, now, 5)).isTrue();
        assertThat(WebhookSignature.verifies(signature, body, PREVIOUS, now, 5)).isTrue();
    }

    @Test
    void aHostThatNowResolvesToAPrivateAddressIsNotSentToAndTheAttemptFails() throws Exception {
        resolvesTo = InetAddress.getByName("10.0.0.8");

        sender.attempt(claimed(CURRENT));

        assertThat(sentHeaders).isEmpty();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).delivered()).isFalse();
        assertThat(recorded.get(0).error()).startsWith("not sent: the URL resolves to a private network address");
    }
}
