package io.tillpoint.domain.model.webhook;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The endpoints on record. */
public interface WebhookEndpoints {

    /** How many endpoints a merchant may have (Stripe's limit): the fan-out of one event stays small. */
    int MOST_PER_MERCHANT = 16;

    void add(WebhookEndpoint endpoint);

    /** The merchant's endpoint; empty for an unknown id and for another merchant's. */
    Optional<WebhookEndpoint> find(String merchantId, String id);

    Optional<WebhookEndpoint> byId(String id);

    /** The merchant's endpoints, newest first. */
    List<WebhookEndpoint> ofMerchant(String merchantId);

    /** The endpoints of all these merchants (none for an empty set), in no order. */
    List<WebhookEndpoint> ofMerchants(Set<String> merchantIds);
}
