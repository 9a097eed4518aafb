package io.tillpoint.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An event as a JMS message body, and back: what every consumer reads. */
class EventMessagesTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void the_body_is_the_contracts_envelope_with_data_and_internal_as_objects() {
        DomainEvent event = DomainEvent.of(EventType.PAYMENT_CAPTURED, "mer_1", "pay_1", AT,
                "{\"id\":\"pay_1\",\"status\":\"captured\"}", "{\"bin\":\"424242\"}");

        JsonObject body = read(EventMessages.body(event));

        assertThat(body.keySet()).containsExactly("id", "type", "created_at", "merchant_id", "subject_id", "data",
                "internal");
        assertThat(body.getString("id")).isEqualTo(event.id().value());
        assertThat(body.getString("type")).isEqualTo("payment.captured");
        assertThat(body.getString("created_at")).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(body.getString("merchant_id")).isEqualTo("mer_1");
        assertThat(body.getString("subject_id")).isEqualTo("pay_1");
        assertThat(body.getJsonObject("data").getString("status")).isEqualTo("captured");
        assertThat(body.getJsonObject("internal").getString("bin")).isEqualTo("424242");
    }

    @Test
    void a_body_reads_back_as_the_same_event() {
        DomainEvent event = DomainEvent.of(EventType.SETTLEMENT_COMPLETED, null, "stl_\"1", AT, "{\"a\":[1,2]}", "{}");

        DomainEvent back = EventMessages.parse(EventMessages.body(event));

        assertThat(back).isEqualTo(event);
    }

    @Test
    void what_is_not_an_event_is_unreadable_and_says_nothing_of_its_content() {
        for (String body : new String[] {null, "", "not json", "[]", "{\"id\":\"evt_1\"}",
                "{\"id\":\"x\",\"type\":\"payment.captured\",\"created_at\":\"2026-11-25T10:00:00Z\","
                        + "\"merchant_id\":null,\"subject_id\":\"p\",\"data\":{}}",
                "{\"id\":\"evt_1\",\"type\":\"payment.stolen\",\"created_at\":\"2026-11-25T10:00:00Z\","
                        + "\"merchant_id\":null,\"subject_id\":\"p\",\"data\":{}}",
                "{\"id\":\"evt_1\",\"type\":\"payment.captured\",\"created_at\":\"yesterday\","
                        + "\"merchant_id\":null,\"subject_id\":\"p\",\"data\":{}}"}) {
            assertThatThrownBy(() -> EventMessages.parse(body)).as(String.valueOf(body))
                    .isInstanceOf(EventMessages.UnreadableEvent.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("payment.stolen"));
        }
    }

    @Test
    void a_batch_body_is_the_array_of_its_events_bodies_and_reads_back_in_order() {
        DomainEvent first = DomainEvent.of(EventType.PAYMENT_CAPTURED, "mer_1", "pay_1", AT, "{\"id\":\"pay_1\"}",
                "{\"bin\":\"424242\"}");
        DomainEvent second = DomainEvent.of(EventType.PAYMENT_DECLINED, "mer_2", "pay_2", AT, "{\"id\":\"pay_2\"}", "{}");

        String body = EventMessages.batchBody(List.of(first, second));

        assertThat(body).isEqualTo("[" + EventMessages.body(first) + "," + EventMessages.body(second) + "]");
        assertThat(EventMessages.parseBatch(body)).containsExactly(first, second);
    }

    @Test
    void a_batch_with_one_item_that_is_not_an_event_is_unreadable_as_a_whole() {
        String good = EventMessages.body(DomainEvent.of(EventType.PAYMENT_CAPTURED, "mer_1", "pay_1", AT, "{}", "{}"));
        for (String body : new String[] {null, "", "[]", "{}", "[" + good + ",{\"id\":\"evt_1\"}]", "[" + good + ",1]"}) {
            assertThatThrownBy(() -> EventMessages.parseBatch(body)).as(String.valueOf(body))
                    .isInstanceOf(EventMessages.UnreadableEvent.class);
        }
    }

    private static JsonObject read(String json) {
        try (var reader = Jsons.reader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
