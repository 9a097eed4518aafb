package io.tillpoint.application;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.webhook.WebhookDeliveries;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.domain.model.webhook.WebhookEndpoints;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an event into deliveries: one per endpoint of its merchant that receives its type, all in
 * the caller's transaction (the webhook queue's listener). An event that was handed over before
 * makes none again (one delivery per endpoint and event, in the database). Once the transaction
 * commits, the new deliveries are sent at once ({@link WebhookSender}).
 */
@Stateless
public class WebhookFanOut {

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Event<DeliveriesCreated> created;

    @Inject
    Clock clock;

    /** The deliveries made for {@code event}: none for an event merchants do not see, or seen before. */
    public int deliver(DomainEvent event) {
        if (!event.type().merchantVisible() || event.merchantId() == null) {
            return 0;
        }
        List<WebhookEndpoint> receiving = endpoints.receiving(event.merchantId(), event.type());
        if (receiving.isEmpty()) {
            return 0;
        }
        String body = WebhookPayload.of(event);
        Instant now = clock.now();
        List<String> made = new ArrayList<>(receiving.size());
        for (WebhookEndpoint endpoint : receiving) {
            WebhookDelivery delivery = WebhookDelivery.of(endpoint, event.id().value(), event.type(), body, now);
            if (deliveries.addOnce(delivery)) {
                made.add(delivery.id());
            }
        }
        if (!made.isEmpty()) {
            created.fire(new DeliveriesCreated(made));
        }
        return made.size();
    }
}
