package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.event.DomainEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.List;

/**
 * Sends events to their queues as persistent messages, all of one batch in one JTA transaction
 * that holds nothing but the broker's session: the broker has them all or none when this returns.
 */
@JMSDestinationDefinitions({
    @JMSDestinationDefinition(name = EventQueues.RISK_LOOKUP, interfaceName = "jakarta.jms.Queue",
            destinationName = EventQueues.RISK, description = "domain events for the risk engine"),
    @JMSDestinationDefinition(name = EventQueues.WEBHOOKS_LOOKUP, interfaceName = "jakarta.jms.Queue",
            destinationName = EventQueues.WEBHOOKS, description = "domain events for merchants' webhooks")
})
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class EventPublisher {

    @Inject
    JMSContext jms;

    @Resource(lookup = EventQueues.RISK_LOOKUP)
    Queue risk;

    @Resource(lookup = EventQueues.WEBHOOKS_LOOKUP)
    Queue webhooks;

    /** Each event to its queue (every queue when it names none), committed together. */
    public void publish(List<PendingEvent> events) {
        JMSProducer producer = jms.createProducer();
        for (PendingEvent pending : events) {
            DomainEvent event = pending.event();
            String body = EventMessages.body(event);
            producer.setProperty(EventMessages.EVENT_ID, event.id().value())
                    .setProperty(EventMessages.EVENT_TYPE, event.type().wireName())
                    .setProperty(EventMessages.MERCHANT_ID, event.merchantId());
            if (pending.destination() == null || pending.destination().equals(EventQueues.RISK)) {
                producer.send(risk, body);
            }
            if (pending.destination() == null || pending.destination().equals(EventQueues.WEBHOOKS)) {
                producer.send(webhooks, body);
            }
        }
    }

    /** An outbox row: the event, and the one queue it is for (null: every queue). */
    public record PendingEvent(DomainEvent event, String destination) {
    }
}
