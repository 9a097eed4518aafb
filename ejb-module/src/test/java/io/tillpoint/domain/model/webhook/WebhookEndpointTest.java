package io.tillpoint.domain.model.webhook;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Endpoints: the events they receive, and a secret rotation that keeps the old secret signing for 24 hours. */
class WebhookEndpointTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static WebhookEndpoint endpoint(String... events) {
        return WebhookEndpoint.register(WebhookEndpoint.newId(), "mer_1", WebhookUrl.parse("https://hooks.example.com/"),
                SubscribedEvents.of(List.of(events)), "sealed-1", NOW);
    }

    @Test
    void anEndpointReceivesTheEventsItNamesAndNoOthers() {
        WebhookEndpoint e = endpoint("payment.captured", "payment.refunded");

        assertThat(e.id()).startsWith("we_");
        assertThat(e.receives(EventType.PAYMENT_CAPTURED)).isTrue();
        assertThat(e.receives(EventType.PAYMENT_REFUNDED)).isTrue();
        assertThat(e.receives(EventType.PAYMENT_AUTHORIZED)).isFalse();
        assertThat(e.events().wireNames()).containsExactly("payment.captured", "payment.refunded");
    }

    @Test
    void theEightWebhookEventsCanBeNamedTheInternalOnesCannot() {
        SubscribedEvents all = SubscribedEvents.of(List.of("payment.authorized", "payment.captured", "payment.declined",
                "payment.voided", "payment.refunded", "payment.in_review", "risk.alert", "settlement.completed"));
        assertThat(all.wireNames()).hasSize(8);
        assertThat(SubscribedEvents.stored(all.storedForm())).isEqualTo(all);
        assertThat(SubscribedEvents.of(List.of("payment.captured", "payment.captured")).wireNames()).hasSize(1);

        assertRefused(() -> SubscribedEvents.of(List.of("payment.processing")), "invalid_request", "events");
        assertRefused(() -> SubscribedEvents.of(List.of("refund.succeeded")), "invalid_request", "events");
        assertRefused(() -> SubscribedEvents.of(List.of("payment.*")), "invalid_request", "events");
        assertRefused(() -> SubscribedEvents.of(List.of()), "invalid_request", "events");
    }

    @Test
    void aNewEndpointSignsWithItsOneSecret() {
        WebhookEndpoint e = endpoint("payment.captured");

        assertThat(e.signingSecrets(NOW)).containsExactly("sealed-1");
        assertThat(e.secretVersion()).isEqualTo(1);
        assertThat(e.previousSecretExpiresAt(NOW)).isNull();
    }

    @Test
    void afterARotationBothSecretsSignForTwentyFourHoursTheNewOneFirstThenOnlyTheNewOne() {
        WebhookEndpoint e = endpoint("payment.captured");
        Instant rotatedAt = NOW.plusSeconds(60);

        e.rotateSecret("sealed-2", rotatedAt);

        assertThat(e.secretVersion()).isEqualTo(2);
        assertThat(e.signingSecrets(rotatedAt)).containsExactly("sealed-2", "sealed-1");
        assertThat(e.signingSecrets(rotatedAt.plus(Duration.ofHours(24)).minusSeconds(1)))
                .containsExactly("sealed-2", "sealed-1");
        assertThat(e.previousSecretExpiresAt(rotatedAt)).isEqualTo(rotatedAt.plus(Duration.ofHours(24)));
        assertThat(e.signingSecrets(rotatedAt.plus(Duration.ofHours(24)))).containsExactly("sealed-2");
        assertThat(e.previousSecretExpiresAt(rotatedAt.plus(Duration.ofHours(24)))).isNull();
    }

    @Test
    void aSecondRotationWithinTheGraceRetiresTheOldestSecretAtOnce() {
        WebhookEndpoint e = endpoint("payment.captured");
        e.rotateSecret("sealed-2", NOW);

        e.rotateSecret("sealed-3", NOW.plusSeconds(10));

        assertThat(e.signingSecrets(NOW.plusSeconds(10))).containsExactly("sealed-3", "sealed-2");
        assertThat(e.secretVersion()).isEqualTo(3);
    }
}
