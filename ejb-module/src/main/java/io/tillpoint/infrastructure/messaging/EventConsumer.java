package io.tillpoint.infrastructure.messaging;

import io.tillpoint.domain.model.card.PanMasking;
import io.tillpoint.domain.model.event.DeadLetter;
import io.tillpoint.domain.model.event.DeadLetters;
import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.infrastructure.messaging.ConsumerFailures.Failure;
import io.tillpoint.infrastructure.messaging.EventMessages.UnreadableEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every event consumer (a message-driven bean on one of the {@link EventQueues}) does the
 * same way. A subclass names itself ({@link #consumer()}) and handles one event
 * ({@link #consume}) in the MDB's JTA transaction (container-managed, REQUIRED, the default);
 * this base makes it:
 * <ul>
 * <li><b>idempotent</b>: an event already consumed by this consumer (the relay publishes at least
 * once) is skipped ({@link EventInbox}, in the same transaction as the work);</li>
 * <li><b>retried</b>: when {@link #consume} throws or marks the transaction rollback-only, the
 * try is counted ({@link ConsumerFailures}, committed on its own) and the transaction rolls
 * back, so JMS delivers the message again; nothing is logged and swallowed;</li>
 * <li><b>batched</b>: a message may carry several events (one relay round's for this queue,
 * {@link EventMessages}); they are handled in one transaction, and split into single messages
 * when that fails ({@link #onBatch});</li>
 * <li><b>dead-lettered</b>: a delivery that finds {@code tillpoint.events.max-deliveries} (5)
 * failed tries on record, or a message that is not an event, is kept in {@code dead_letter}
 * ({@link DeadLetters}) in the transaction that takes it off the queue, for the admin API to list
 * and replay (a message that is not an event with card numbers masked).</li>
 * </ul>
 * A subclass:
 * <pre>
 * &#64;MessageDriven(activationConfig = {
 *     &#64;ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
 *     &#64;ActivationConfigProperty(propertyName = "destination", propertyValue = EventQueues.RISK)})
 * public class RiskEvents extends EventConsumer {
 *     protected String consumer() { return "risk"; }
 *     protected void consume(DomainEvent event) { ... }
 * }
 * </pre>
 * {@code onMessage} never throws: a failure that escaped it would make the resource adapter
 * retry on its own and then move the message to the broker's own dead message queue, out of the
 * operators' sight. A failed try waits a little before it returns (longer with each delivery, up
 * to 5 s), so a consumer whose database is away does not spin.
 */
public abstract class EventConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class.getName());
    private static final long MAX_PAUSE_MS = 5000;

    @Resource
    MessageDrivenContext context;

    @Inject
    EventInbox inbox;

    @EJB
    ConsumerFailures failures;

    /** The broker, in this bean's transaction: a batch split puts its events back through it. */
    @Inject
    @JMSConnectionFactory(EventPublisher.CONNECTION_FACTORY)
    JMSContext jms;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EventMetrics metrics;

    @Inject
    @ConfigProperty(name = "tillpoint.events.max-deliveries", defaultValue = "5")
    int maxDeliveries;

    /** This consumer's name, as {@code consumed_event} and the dead letters record it: {@code risk}, {@code webhooks}. */
    protected abstract String consumer();

    /** Handles one event, at most once per event id (in this transaction); throws to have it tried again. */
    protected abstract void consume(DomainEvent event);

    /**
     * Handles the events of a batch not seen before, in their order, in this transaction: each
     * one as {@link #consume} would. A consumer that can do a batch's work in fewer statements
     * overrides it; a failure of any event throws, and the whole batch rolls back.
     */
    protected void consumeAll(List<DomainEvent> events) {
        events.forEach(this::consume);
    }

    @Override
    public final void onMessage(Message message) {
        if (isBatch(message)) {
            onBatch(message);
            return;
        }
        int delivery = deliveryCount(message);
        DomainEvent event = null;
        try {
            try {
                event = EventMessages.parse(text(message));
            } catch (UnreadableEvent e) {
                deadLetter(message, null, delivery, e.getMessage());
                LOG.warning(() -> consumer() + " received a message that is not an event (" + e.getMessage()
                        + "): it is a dead letter now");
                return;
            }
            if (delivery > 1 && givenUp(message, event, delivery)) {
                return;
            }
            if (!inbox.firstTime(consumer(), event.id())) {
                return;
            }
            consume(event);
            if (context.getRollbackOnly()) {
                throw new IllegalStateException("the consumer's transaction was marked for rollback");
            }
            if (delivery > 1) {
                failures.forget(consumer(), event.id());
            }
        } catch (RuntimeException e) {
            failed(message, event, delivery, e);
        }
    }

    /**
     * A batch ({@link EventMessages}): on its first delivery, every event not seen before is
     * handled in this one transaction (one inbox statement for all). When that fails, the
     * transaction rolls back and the broker delivers the batch again; that second delivery puts
     * each event back on the queue as a message of its own, in this transaction, and handles
     * none: from there each event is retried, counted and dead-lettered alone, so one failing
     * event costs the others one extra try and never takes them to the dead letters with it.
     */
    private void onBatch(Message message) {
        int delivery = deliveryCount(message);
        List<DomainEvent> events;
        try {
            try {
                events = EventMessages.parseBatch(text(message));
            } catch (UnreadableEvent e) {
                deadLetter(message, null, delivery, e.getMessage());
                LOG.warning(() -> consumer() + " received a batch that is not one of events (" + e.getMessage()
                        + "): it is a dead letter now");
                return;
            }
            if (delivery > 1) {
                split(message, events);
                return;
            }
            List<DomainEvent> fresh = inbox.firstTimeOf(consumer(), events);
            if (!fresh.isEmpty()) {
                consumeAll(fresh);
            }
            if (context.getRollbackOnly()) {
                throw new IllegalStateException("the consumer's transaction was marked for rollback");
            }
        } catch (RuntimeException e) {
            context.setRollbackOnly();
            metrics.consumerFailed(consumer());
            LOG.warning(() -> consumer() + " failed on a batch of " + property(message, EventMessages.EVENT_COUNT)
                    + " events (delivery " + delivery + "); " + (delivery > 1 ? "splitting it is tried again"
                            : "each of its events comes again on its own") + ": " + ConsumerFailures.describe(e));
            pause(delivery);
        }
    }

    /** Each event of the batch back onto the batch's queue as a single message, in this transaction. */
    private void split(Message message, List<DomainEvent> events) {
        Queue queue = jms.createQueue(queueOf(message));
        for (DomainEvent event : events) {
            EventPublisher.sendOne(jms, queue, List.of(event));
        }
        metrics.batchSplit(consumer());
    }

    private static boolean isBatch(Message message) {
        try {
            return message.propertyExists(EventMessages.EVENT_COUNT);
        } catch (JMSException e) {
            return false;
        }
    }

    /**
     * True when this delivery ends the tries: the event goes to the dead letters. The failures
     * table is the count (it knows why); the delivery count is the backstop for failures that
     * could not even be counted.
     */
    private boolean givenUp(Message message, DomainEvent event, int delivery) {
        Optional<Failure> failure = failures.find(consumer(), event.id());
        int tries = failure.map(Failure::attempts).orElse(0);
        if (tries < maxDeliveries && delivery <= 2 * maxDeliveries) {
            return false;
        }
        deadLetter(message, event, Math.max(tries, delivery - 1),
                failure.map(Failure::lastError).orElse("delivered " + (delivery - 1) + " times without success"));
        failures.forget(consumer(), event.id());
        LOG.warning(() -> consumer() + " gave up on event " + event.id() + " (" + event.type().wireName()
                + ") after " + Math.max(tries, delivery - 1) + " tries: it is a dead letter now");
        return true;
    }

    private void deadLetter(Message message, DomainEvent event, int deliveries, String error) {
        deadLetters.add(DeadLetter.of(consumer(), queueOf(message), event == null ? null : event.id().value(),
                event == null ? property(message, EventMessages.EVENT_TYPE) : event.type().wireName(),
                event == null ? property(message, EventMessages.MERCHANT_ID) : event.merchantId(),
                event == null ? PanMasking.scrub(bodyOf(message)) : bodyOf(message), deliveries, error, Instant.now()));
        metrics.deadLettered(consumer());
    }

    private void failed(Message message, DomainEvent event, int delivery, RuntimeException e) {
        context.setRollbackOnly();
        metrics.consumerFailed(consumer());
        int tries = -1;
        if (event != null) {
            try {
                tries = failures.count(consumer(), event.id(), e);
            } catch (RuntimeException countFailed) {
                tries = -1;
            }
        }
        int counted = tries;
        String what = event == null ? "message " + property(message, EventMessages.EVENT_ID)
                : "event " + event.id() + " (" + event.type().wireName() + ")";
        LOG.warning(() -> consumer() + " failed on " + what + ", try " + (counted > 0 ? counted : delivery) + " of "
                + maxDeliveries + "; it is delivered again: " + ConsumerFailures.describe(e));
        pause(delivery);
    }

    private static void pause(int delivery) {
        try {
            Thread.sleep(Math.min(MAX_PAUSE_MS, 100L * delivery * delivery));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static int deliveryCount(Message message) {
        try {
            if (message.propertyExists("JMSXDeliveryCount")) {
                return message.getIntProperty("JMSXDeliveryCount");
            }
            return message.getJMSRedelivered() ? 2 : 1;
        } catch (JMSException e) {
            return 1;
        }
    }

    private static String text(Message message) {
        if (!(message instanceof TextMessage textMessage)) {
            throw new EventMessages.UnreadableEvent("not a text message");
        }
        try {
            return textMessage.getText();
        } catch (JMSException e) {
            throw new EventMessages.UnreadableEvent("its text cannot be read");
        }
    }

    private static String bodyOf(Message message) {
        try {
            return message instanceof TextMessage t && t.getText() != null ? t.getText() : "";
        } catch (JMSException e) {
            return "";
        }
    }

    private static String queueOf(Message message) {
        try {
            return message.getJMSDestination() instanceof Queue q ? q.getQueueName() : "?";
        } catch (JMSException e) {
            return "?";
        }
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            return null;
        }
    }
}
