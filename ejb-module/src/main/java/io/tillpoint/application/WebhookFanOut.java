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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns events into deliveries: one per endpoint of an event's merchant that receives its type,
 * all in the caller's transaction (the webhook queue's listener, for one event or a batch). An event that was handed over before
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
        return deliverAll(List.of(event));
    }

    /**
     * The deliveries made for {@code events} (a batch off the queue), in their order: one read of
     * the endpoints of every merchant among them, however many events there are.
     */
    public int deliverAll(List<DomainEvent> events) {
        List<DomainEvent> visible = events.stream()
                .filter(e -> e.type().merchantVisible() && e.merchantId() != null).toList();
        if (visible.isEmpty()) {
            return 0;
        }
        Map<String, List<WebhookEndpoint>> byMerchant = endpoints.ofMerchants(
                        visible.stream().map(DomainEvent::merchantId).collect(Collectors.toSet()))
                .stream().collect(Collectors.groupingBy(WebhookEndpoint::merchantId));
        if (byMerchant.isEmpty()) {
            return 0;
        }
        Instant now = clock.now();
        List<String> made = new ArrayList<>();
        for (DomainEvent event : visible) {
            String body = null;
            for (WebhookEndpoint endpoint : byMerchant.getOrDefault(event.merchantId(), List.of())) {
                if (!endpoint.receives(event.type())) {
                    continue;
                }
                if (body == null) {
                    body = WebhookPayload.of(event);
                }
                WebhookDelivery delivery = WebhookDelivery.of(endpoint, event.id().value(), event.type(), body, now);
                if (deliveries.addOnce(delivery)) {
                    made.add(delivery.id());
                }
            }
        }
        if (!made.isEmpty()) {
            created.fire(new DeliveriesCreated(made));
        }
        return made.size();
    }
}
