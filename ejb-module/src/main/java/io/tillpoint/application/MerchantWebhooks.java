package io.tillpoint.application;

import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.webhook.ReceiverAddresses;
import io.tillpoint.domain.model.webhook.SubscribedEvents;
import io.tillpoint.domain.model.webhook.WebhookDeliveries;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.domain.model.webhook.WebhookEndpoints;
import io.tillpoint.domain.model.webhook.WebhookSecret;
import io.tillpoint.domain.model.webhook.WebhookSecretVault;
import io.tillpoint.domain.model.webhook.WebhookUrl;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A merchant's webhooks: registers endpoints, shows them and their delivery log, rotates their
 * secrets and redelivers. Each change completes its request's idempotency key (when it has one)
 * in its own transaction, with the answer as a replay gets it: without the secret, which is shown
 * once. Another merchant's endpoints and deliveries are not found.
 */
@Stateless
public class MerchantWebhooks {

    private static final Logger LOG = Logger.getLogger(MerchantWebhooks.class.getName());

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookSecretVault vault;

    @Inject
    ReceiverAddresses addresses;

    @Inject
    Event<DeliveriesCreated> created;

    @Inject
    Clock clock;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    /**
     * Registers an endpoint with a new secret. The URL's host is looked up and every address it
     * stands for must be one webhooks may reach (400 on {@code url} otherwise); that happens before
     * the database is touched.
     */
    public NewWebhookSecret register(String merchantId, String url, List<String> events, KeyedRequest keyed,
            Function<NewWebhookSecret, StoredResponse> stored) {
        WebhookUrl target = WebhookUrl.parse(url);
        SubscribedEvents subscribed = SubscribedEvents.of(events);
        addresses.check(target);
        if (endpoints.ofMerchant(merchantId).size() >= WebhookEndpoints.MOST_PER_MERCHANT) {
            throw new ConflictException("too_many_endpoints",
                    "A merchant has at most " + WebhookEndpoints.MOST_PER_MERCHANT + " webhook endpoints");
        }
        Instant now = clock.now();
        String id = WebhookEndpoint.newId();
        WebhookSecret secret = WebhookSecret.generate();
        WebhookEndpoint endpoint = WebhookEndpoint.register(id, merchantId, target, subscribed, vault.seal(id, secret), now);
        endpoints.add(endpoint);
        NewWebhookSecret answer = new NewWebhookSecret(endpoint, secret);
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(answer), now);
        }
        LOG.info(() -> "webhook endpoint " + id + " registered for merchant " + merchantId + " (" + subscribed + ")");
        return answer;
    }

    public List<WebhookEndpoint> endpoints(String merchantId) {
        return endpoints.ofMerchant(merchantId);
    }

    public WebhookEndpoint endpoint(String merchantId, String endpointId) {
        return endpoints.find(merchantId, endpointId)
                .orElseThrow(() -> new NotFoundException("webhook endpoint", endpointId));
    }

    /**
     * A new secret for the endpoint; the one it replaces still signs for 24 hours (both signatures
     * in every delivery meanwhile).
     */
    public NewWebhookSecret rotateSecret(String merchantId, String endpointId, KeyedRequest keyed,
            Function<NewWebhookSecret, StoredResponse> stored) {
        WebhookEndpoint endpoint = endpoint(merchantId, endpointId);
        Instant now = clock.now();
        WebhookSecret secret = WebhookSecret.generate();
        endpoint.rotateSecret(vault.seal(endpointId, secret), now);
        NewWebhookSecret answer = new NewWebhookSecret(endpoint, secret);
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(answer), now);
        }
        LOG.info(() -> "webhook endpoint " + endpointId + "'s secret rotated (version " + endpoint.secretVersion() + ")");
        return answer;
    }

    /** The endpoint's deliveries, newest first, after {@code startingAfter} (a delivery id of it, or null). */
    public List<WebhookDelivery> deliveries(String merchantId, String endpointId, String startingAfter, int limit) {
        WebhookEndpoint endpoint = endpoint(merchantId, endpointId);
        WebhookDelivery cursor = null;
        if (startingAfter != null) {
            cursor = deliveries.find(merchantId, startingAfter).filter(d -> d.endpointId().equals(endpoint.id()))
                    .orElseThrow(() -> new InvalidInputException("starting_after", "is not a delivery of this endpoint"));
        }
        return deliveries.ofEndpoint(endpoint.id(), cursor, limit);
    }

    public WebhookDelivery delivery(String merchantId, String deliveryId) {
        return deliveries.find(merchantId, deliveryId)
                .orElseThrow(() -> new NotFoundException("webhook delivery", deliveryId));
    }

    /** The delivery's body once more, as a new delivery sent at once (after this transaction commits). */
    public WebhookDelivery redeliver(String merchantId, String deliveryId, KeyedRequest keyed,
            Function<WebhookDelivery, StoredResponse> stored) {
        WebhookDelivery original = delivery(merchantId, deliveryId);
        Instant now = clock.now();
        WebhookDelivery again = original.redeliver(now);
        deliveries.add(again);
        created.fire(new DeliveriesCreated(List.of(again.id())));
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(again), now);
        }
        LOG.info(() -> "webhook delivery " + deliveryId + " redelivered as " + again.id());
        return again;
    }
}
