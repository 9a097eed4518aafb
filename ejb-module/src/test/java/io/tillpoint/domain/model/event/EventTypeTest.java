package io.tillpoint.domain.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The event types and ids the contract and the consumers rely on. */
class EventTypeTest {

    @Test
    void merchants_see_exactly_the_contracts_eight_webhook_events() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::merchantVisible).map(EventType::wireName))
                .containsExactlyInAnyOrder("payment.authorized", "payment.captured", "payment.declined",
                        "payment.voided", "payment.refunded", "payment.in_review", "risk.alert",
                        "settlement.completed");
    }

    @Test
    void every_type_is_found_by_its_wire_name_and_nothing_else_is() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(EventType.fromWireName("payment.Captured")).isEmpty();
        assertThat(EventType.fromWireName(null)).isEmpty();
    }

    @Test
    void an_event_id_is_evt_and_time_ordered_random_characters() throws InterruptedException {
        EventId first = EventId.generate();
        Thread.sleep(2);
        EventId second = EventId.generate();

        assertThat(first.value()).startsWith("evt_").hasSize(28);
        assertThat(first.value()).isLessThan(second.value());
        assertThat(EventId.of(first.value())).isEqualTo(first).hasSameHashCodeAs(first);
    }

    @Test
    void an_id_that_is_not_an_event_id_is_refused() {
        for (String bad : new String[] {null, "", "pay_0Tz1Wq8s3kT9", "evt_", "evt_a'b", "evt_" + "x".repeat(80)}) {
            assertThatThrownBy(() -> EventId.of(bad)).as(String.valueOf(bad)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void an_event_without_internal_facts_carries_an_empty_object() {
        DomainEvent event = DomainEvent.of(EventType.REFUND_PENDING, "mer_1", "re_1", java.time.Instant.EPOCH, "{}", null);

        assertThat(event.internal()).isEqualTo("{}");
    }
}
