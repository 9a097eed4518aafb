package io.tillpoint.domain.model.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The deliveries on record, and the senders' claims on them. */
public interface WebhookDeliveries {

    /**
     * Adds an event's delivery to its endpoint unless that endpoint has it already (the broker
     * handed the event over again): true when it was added.
     */
    boolean addOnce(WebhookDelivery delivery);

    /** Adds a redelivery. */
    void add(WebhookDelivery delivery);

    /** The merchant's delivery; empty for an unknown id and for another merchant's. */
    Optional<WebhookDelivery> find(String merchantId, String id);

    Optional<WebhookDelivery> byId(String id);

    /** An endpoint's deliveries, newest first, after {@code startingAfter} (null: from the newest), at most {@code limit}. */
    List<WebhookDelivery> ofEndpoint(String endpointId, WebhookDelivery startingAfter, int limit);

    /**
     * Claims delivery {@code id} if it is pending and due at {@code now} and no other sender is
     * claiming it at this moment: its attempt is counted and it is not due again before
     * {@code leaseEnd}. Empty when it is not to be had.
     */
    Optional<WebhookDelivery> claim(String id, Instant now, Instant leaseEnd);

    /** Claims up to {@code limit} pending deliveries due at {@code now}, the longest due first, as {@link #claim} does. */
    List<WebhookDelivery> claimDue(Instant now, Instant leaseEnd, int limit);
}
