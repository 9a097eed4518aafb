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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends events to their queues as persistent messages, one per queue (a batch when a queue gets
 * several: {@link EventMessages}), all of one round in one JTA transaction
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

    /**
     * One message per queue: the event itself when the queue gets one, a batch
     * ({@link EventMessages#batchBody}) when it gets several, in the order given.
     */
    private void send(List<PendingEvent> events) {
        Map<String, List<DomainEvent>> byQueue = new LinkedHashMap<>();
        for (PendingEvent pending : events) {
            if (pending.destination() == null) {
                for (String queue : EventQueues.ALL) {
                    byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(pending.event());
                }
            } else {
                byQueue.computeIfAbsent(pending.destination(), q -> new ArrayList<>()).add(pending.event());
            }
        }
        byQueue.forEach((queue, batch) -> sendOne(jms, queue(queue), batch));
    }

    /** {@code events} (at least one) to {@code queue} as one message, in {@code jms}'s transaction. */
    static void sendOne(JMSContext jms, Queue queue, List<DomainEvent> events) {
        JMSProducer producer = jms.createProducer();
        if (events.size() == 1) {
            DomainEvent event = events.get(0);
            producer.setProperty(EventMessages.EVENT_ID, event.id().value())
                    .setProperty(EventMessages.EVENT_TYPE, event.type().wireName())
                    .setProperty(EventMessages.MERCHANT_ID, event.merchantId())
                    .send(queue, EventMessages.body(event));
        } else {
            producer.setProperty(EventMessages.EVENT_COUNT, events.size())
                    .send(queue, EventMessages.batchBody(events));
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
