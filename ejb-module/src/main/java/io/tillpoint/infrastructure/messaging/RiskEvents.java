package io.tillpoint.infrastructure.messaging;

import io.tillpoint.application.PaymentOutcome;
import io.tillpoint.application.RiskMonitor;
import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk consumer: a message-driven bean on the risk queue. Each payment outcome event
 * (authorized, captured, in review: approved; declined) is handed to {@link RiskMonitor} in the
 * bean's transaction (a batch's outcomes together), once per event ({@link EventConsumer}: idempotent by event id, retried on a
 * failure, dead-lettered after five). Other events mean nothing to it. The facts come from the
 * event's internal part: the internal card fingerprint and the BIN, never a card number.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = EventQueues.RISK)})
public class RiskEvents extends EventConsumer {

    static final String CONSUMER = "risk";

    @Inject
    RiskMonitor monitor;

    @Override
    protected String consumer() {
        return CONSUMER;
    }

    @Override
    protected void consume(DomainEvent event) {
        PaymentOutcome outcome = outcome(event);
        if (outcome != null) {
            monitor.observe(outcome);
        }
    }

    @Override
    protected void consumeAll(List<DomainEvent> events) {
        List<PaymentOutcome> outcomes = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            PaymentOutcome outcome = outcome(event);
            if (outcome != null) {
                outcomes.add(outcome);
            }
        }
        if (!outcomes.isEmpty()) {
            monitor.observeAll(outcomes);
        }
    }

    /** The payment outcome an event tells, or null when it tells none. */
    static PaymentOutcome outcome(DomainEvent event) {
        boolean approved;
        if (event.type() == EventType.PAYMENT_AUTHORIZED || event.type() == EventType.PAYMENT_CAPTURED
                || event.type() == EventType.PAYMENT_IN_REVIEW) {
            approved = true;
        } else if (event.type() == EventType.PAYMENT_DECLINED) {
            approved = false;
        } else {
            return null;
        }
        JsonObject facts;
        try (var reader = Jsons.reader(new StringReader(event.internal()))) {
            facts = reader.readObject();
        }
        JsonValue amount = facts.get("amount");
        if (!(amount instanceof JsonNumber minorUnits) || text(facts, "currency") == null) {
            throw new IllegalArgumentException("event " + event.id() + " has no amount and currency");
        }
        return new PaymentOutcome(event.subjectId(), event.merchantId(), approved,
                approved ? null : text(facts, "decline_code"), text(facts, "card_fingerprint"), text(facts, "bin"),
                text(facts, "customer_id"), text(facts, "customer_ip"), text(facts, "customer_country"),
                minorUnits.longValueExact(), text(facts, "currency"), event.createdAt());
    }

    private static String text(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
