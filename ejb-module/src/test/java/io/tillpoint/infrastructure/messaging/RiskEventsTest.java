package io.tillpoint.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.application.PaymentOutcome;
import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the risk consumer reads from an event: a payment's outcome from its internal facts, or nothing. */
class RiskEventsTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    static final String FACTS = "{\"card_fingerprint\":\"i1.abc\",\"bin\":\"400000\",\"issuer_country\":\"US\","
            + "\"customer_id\":\"c-1\",\"customer_email\":\"a@b.c\",\"customer_ip\":\"203.0.113.9\","
            + "\"customer_country\":null,\"amount\":1999,\"currency\":\"USD\",\"decline_code\":\"card_declined\","
            + "\"capture\":\"automatic\"}";

    static DomainEvent event(EventType type, String internal) {
        return DomainEvent.of(type, "mer_1", "pay_1", AT, "{}", internal);
    }

    @Test
    void a_decline_is_an_outcome_with_its_code_and_no_card_number() {
        assertThat(RiskEvents.outcome(event(EventType.PAYMENT_DECLINED, FACTS))).isEqualTo(new PaymentOutcome("pay_1",
                "mer_1", false, "card_declined", "i1.abc", "400000", "c-1", "203.0.113.9", null, 1999, "USD", AT));
    }

    @Test
    void an_authorization_a_capture_and_a_hold_for_review_are_approvals() {
        for (EventType type : new EventType[] {EventType.PAYMENT_AUTHORIZED, EventType.PAYMENT_CAPTURED,
                EventType.PAYMENT_IN_REVIEW}) {
            PaymentOutcome o = RiskEvents.outcome(event(type, FACTS));
            assertThat(o.approved()).as(type.wireName()).isTrue();
            assertThat(o.declineCode()).isNull();
        }
    }

    @Test
    void other_events_tell_no_outcome_and_a_payment_event_without_its_amount_is_refused() {
        for (EventType type : new EventType[] {EventType.PAYMENT_PROCESSING, EventType.PAYMENT_REQUIRES_ACTION,
                EventType.PAYMENT_VOIDED, EventType.PAYMENT_REFUNDED, EventType.REFUND_SUCCEEDED, EventType.RISK_ALERT}) {
            assertThat(RiskEvents.outcome(event(type, "{}"))).as(type.wireName()).isNull();
        }
        assertThatThrownBy(() -> RiskEvents.outcome(event(EventType.PAYMENT_DECLINED, "{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
