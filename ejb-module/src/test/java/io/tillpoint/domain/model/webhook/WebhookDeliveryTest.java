package io.tillpoint.domain.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.event.EventType;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A delivery: pending until a 2xx, retried on the schedule, given up after 24 hours; a redelivery repeats it. */
class WebhookDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final RetrySchedule SCHEDULE = RetrySchedule.DEFAULT;
    private final WebhookEndpoint endpoint = WebhookEndpoint.register(WebhookEndpoint.newId(), "mer_1",
            WebhookUrl.parse("https://hooks.example.com/"), SubscribedEvents.of(List.of("payment.captured")), "s", NOW);

    private WebhookDelivery delivery() {
        return WebhookDelivery.of(endpoint, "evt_1", EventType.PAYMENT_CAPTURED, "{\"id\":\"evt_1\"}", NOW);
    }

    /** What a sender's claim does in the database: the attempt counted. */
    private static void claimed(WebhookDelivery d) throws Exception {
        Field attempts = WebhookDelivery.class.getDeclaredField("attempts");
        attempts.setAccessible(true);
        attempts.setInt(d, d.attempts() + 1);
    }

    @Test
    void aNewDeliveryIsPendingAndDueAtOnce() {
        WebhookDelivery d = delivery();

        assertThat(d.id()).startsWith("whd_");
        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.nextAttemptAt()).isEqualTo(NOW);
        assertThat(d.attempts()).isZero();
        assertThat(d.merchantId()).isEqualTo("mer_1");
        assertThat(d.endpointId()).isEqualTo(endpoint.id());
    }

    @Test
    void aTwoHundredSomethingAnswerDeliversIt() throws Exception {
        WebhookDelivery d = delivery();
        claimed(d);

        d.record(DeliveryAttempt.answered(204, ""), SCHEDULE, NOW.plusMillis(80));

        assertThat(d.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(d.nextAttemptAt()).isNull();
        assertThat(d.lastResponseStatus()).isEqualTo(204);
        assertThat(d.lastError()).isNull();
    }

    @Test
    void aFailedAttemptIsDueAgainOnTheScheduleWithWhatTheReceiverSaid() throws Exception {
        WebhookDelivery d = delivery();
        claimed(d);
        claimed(d);

        d.record(DeliveryAttempt.answered(500, "{\"error\":\"database down\"}"), SCHEDULE, NOW.plusSeconds(10));

        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10).plus(Duration.ofSeconds(20)));
        assertThat(d.lastResponseStatus()).isEqualTo(500);
        assertThat(d.lastResponseExcerpt()).isEqualTo("{\"error\":\"database down\"}");
        assertThat(d.lastError()).isEqualTo("answered 500");
    }

    @Test
    void aRedirectIsAFailureNotFollowed() throws Exception {
        WebhookDelivery d = delivery();
        claimed(d);

        d.record(DeliveryAttempt.answered(302, null), SCHEDULE, NOW);

        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.lastError()).contains("redirect not followed");
    }

    @Test
    void aFailureAtTheDeadlineGivesItUp() throws Exception {
        WebhookDelivery d = delivery();
        claimed(d);

        d.record(DeliveryAttempt.noAnswer("connection refused"), SCHEDULE, NOW.plus(Duration.ofHours(24)));

        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.nextAttemptAt()).isNull();
        assertThat(d.lastError()).isEqualTo("connection refused");
        assertThat(d.lastResponseStatus()).isNull();
    }

    @Test
    void aRedeliveryIsANewDeliveryOfTheSameBodyDueNowThatNamesTheOneItRepeats() throws Exception {
        WebhookDelivery original = delivery();
        claimed(original);
        original.record(DeliveryAttempt.noAnswer("connection refused"), SCHEDULE, NOW.plus(Duration.ofHours(24)));
        Instant later = NOW.plus(Duration.ofDays(2));

        WebhookDelivery again = original.redeliver(later);

        assertThat(again.id()).isNotEqualTo(original.id()).startsWith("whd_");
        assertThat(again.redeliveryOf()).isEqualTo(original.id());
        assertThat(again.body()).isEqualTo(original.body());
        assertThat(again.eventId()).isEqualTo("evt_1");
        assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(again.nextAttemptAt()).isEqualTo(later);
        assertThat(again.attempts()).isZero();
    }

    @Test
    void theExcerptIsOneShortLineWithCardNumbersMasked() {
        DeliveryAttempt attempt = DeliveryAttempt.answered(400, "bad card 4242424242424242\r\nInjected: header"
                + "x".repeat(500));

        assertThat(attempt.excerpt()).hasSize(DeliveryAttempt.EXCERPT_LENGTH).doesNotContain("4242424242424242")
                .doesNotContain("\r").doesNotContain("\n").contains("424242******4242");
    }
}
