package io.tillpoint.infrastructure.webhook;

import io.tillpoint.application.WebhookFanOut;
import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.infrastructure.messaging.EventConsumer;
import io.tillpoint.infrastructure.messaging.EventQueues;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import java.util.List;

/**
 * The webhook queue's consumer: every event, once per event id ({@link EventConsumer}), becomes
 * its deliveries ({@link WebhookFanOut}) in this message's transaction; they are sent after it
 * commits. An event merchants do not see, or of a merchant without endpoints for it, makes none.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = EventQueues.WEBHOOKS)})
public class WebhookEvents extends EventConsumer {

    @EJB
    WebhookFanOut fanOut;

    @Override
    protected String consumer() {
        return "webhooks";
    }

    @Override
    protected void consume(DomainEvent event) {
        fanOut.deliver(event);
    }

    @Override
    protected void consumeAll(List<DomainEvent> events) {
        fanOut.deliverAll(events);
    }
}
