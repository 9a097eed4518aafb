package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.event.DomainEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.List;

/**
 * Sends events to their queues as persistent messages, all of one batch in one JTA transaction
 * that holds nothing but the broker's session: the broker has them all or none when this returns.
 * Through a connection factory of the application's own: the server's default one
 * ({@code jms/__defaultConnectionFactory}) is missing when the JMS service runs in REMOTE mode
 * (an external broker, {@code TILLPOINT_BROKER_URL}).
 */
@JMSConnectionFactoryDefinition(name = EventPublisher.CONNECTION_FACTORY, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "jmsra", maxPoolSize = 8, minPoolSize = 1, description = "the relay's connections to the broker")
@JMSDestinationDefinitions({
    @JMSDestinationDefinition(name = EventQueues.RISK_LOOKUP, interfaceName = "jakarta.jms.Queue",
            destinationName = EventQueues.RISK, description = "domain events for the risk engine"),
    @JMSDestinationDefinition(name = EventQueues.WEBHOOKS_LOOKUP, interfaceName = "jakarta.jms.Queue",
            destinationName = EventQueues.WEBHOOKS, description = "domain events for merchants' webhooks")
})
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class EventPublisher {

    public static final String CONNECTION_FACTORY = "java:app/jms/EventConnectionFactory";

    @Inject
    @JMSConnectionFactory(CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = EventQueues.RISK_LOOKUP)
    Queue risk;

    @Resource(lookup = EventQueues.WEBHOOKS_LOOKUP)
    Queue webhooks;

    /**
     * Each event to its queue (every queue of {@link EventQueues#ALL} when it names none), committed
     * together; {@link BrokerUnavailable} (and nothing sent) when the broker cannot take them.
     */
    public void publish(List<PendingEvent> events) {
        try {
            send(events);
        } catch (RuntimeException e) {
            throw new BrokerUnavailable(e);
        }
    }

    private void send(List<PendingEvent> events) {
        JMSProducer producer = jms.createProducer();
        for (PendingEvent pending : events) {
            DomainEvent event = pending.event();
            String body = EventMessages.body(event);
            producer.setProperty(EventMessages.EVENT_ID, event.id().value())
                    .setProperty(EventMessages.EVENT_TYPE, event.type().wireName())
                    .setProperty(EventMessages.MERCHANT_ID, event.merchantId());
            String destination = pending.destination();
            if (destination == null) {
                producer.send(risk, body);
                producer.send(webhooks, body);
            } else {
                producer.send(queue(destination), body);
            }
        }
    }

    /** A queue by its physical name: a dead letter goes back to the queue it came from. */
    private Queue queue(String name) {
        return switch (name) {
            case EventQueues.RISK -> risk;
            case EventQueues.WEBHOOKS -> webhooks;
            default -> jms.createQueue(name);
        };
    }

    /**
     * The broker did not take the events (down, unreachable, refusing): the transaction rolls back,
     * and the caller keeps them. An application exception, so that the container does not log a
     * stack trace for every try while the broker is away (the relay says it once).
     */
    @ApplicationException(rollback = true)
    public static class BrokerUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokerUnavailable(RuntimeException cause) {
            super("the broker did not take the events: " + cause, cause);
        }
    }

    /** An outbox row: the event, and the one queue it is for (null: every queue). */
    public record PendingEvent(DomainEvent event, String destination) {
    }
}
