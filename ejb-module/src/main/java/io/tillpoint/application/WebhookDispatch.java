package io.tillpoint.application;

import io.tillpoint.domain.model.webhook.DeliveryAttempt;
import io.tillpoint.domain.model.webhook.DeliveryStatus;
import io.tillpoint.domain.model.webhook.WebhookDeliveries;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.domain.model.webhook.WebhookEndpoints;
import io.tillpoint.domain.model.webhook.WebhookSecret;
import io.tillpoint.domain.model.webhook.WebhookSecretVault;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The senders' two short transactions around each attempt, none open while the receiver is
 * called: the claim (the attempt counted, the delivery leased to this sender, its endpoint's
 * secrets opened for signing) and the record of what the attempt came to (delivered, due again
 * on the retry schedule, or given up).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookDispatch {

    private static final Logger LOG = Logger.getLogger(WebhookDispatch.class.getName());

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookSecretVault vault;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookMetrics metrics;

    @Inject
    Clock clock;

    /** Delivery {@code id}, if it is due and no other sender has it. */
    public Optional<ClaimedDelivery> claim(String id) {
        Instant now = clock.now();
        return deliveries.claim(id, now, now.plus(settings.lease())).flatMap(d -> prepared(d, now));
    }

    /** Up to {@code limit} due deliveries, the longest due first. */
    public List<ClaimedDelivery> claimDue(int limit) {
        Instant now = clock.now();
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (WebhookDelivery delivery : deliveries.claimDue(now, now.plus(settings.lease()), limit)) {
            prepared(delivery, now).ifPresent(claimed::add);
        }
        return claimed;
    }

    /**
     * Records the {@code attempt}-th attempt of delivery {@code id}. An attempt whose lease ran out
     * and was claimed again meanwhile records nothing: the later claim's attempt is the one on record.
     */
    public void record(String id, int attempt, DeliveryAttempt outcome) {
        WebhookDelivery delivery = deliveries.byId(id).orElseThrow();
        if (delivery.attempts() != attempt || delivery.status() != DeliveryStatus.PENDING) {
            LOG.warning(() -> "attempt " + attempt + " of webhook delivery " + id + " came back after its lease ran out;"
                    + " not recorded");
            return;
        }
        delivery.record(outcome, settings.schedule(), clock.now());
        counted(delivery);
        if (delivery.status() == DeliveryStatus.FAILED) {
            LOG.warning(() -> "webhook delivery " + id + " given up after " + attempt + " attempts (" + outcome.error() + ")");
        } else if (!outcome.delivered()) {
            LOG.fine(() -> "webhook delivery " + id + " attempt " + attempt + " failed (" + outcome.error()
                    + "), next at " + delivery.nextAttemptAt());
        }
    }

    private void counted(WebhookDelivery delivery) {
        switch (delivery.status()) {
            case SUCCEEDED -> metrics.delivered();
            case PENDING -> metrics.retried();
            case FAILED -> metrics.givenUp();
        }
    }

    /** What the sender needs; a delivery whose secret cannot be opened is recorded as a failed attempt instead. */
    private Optional<ClaimedDelivery> prepared(WebhookDelivery delivery, Instant now) {
        WebhookEndpoint endpoint = endpoints.byId(delivery.endpointId()).orElseThrow();
        List<WebhookSecret> secrets = new ArrayList<>(2);
        try {
            for (String sealed : endpoint.signingSecrets(now)) {
                secrets.add(vault.open(endpoint.id(), sealed));
            }
        } catch (IllegalStateException e) {
            LOG.severe(() -> "webhook delivery " + delivery.id() + " cannot be signed: " + e.getMessage());
            delivery.record(DeliveryAttempt.noAnswer("not sent: its endpoint's secret cannot be opened"),
                    settings.schedule(), now);
            counted(delivery);
            return Optional.empty();
        }
        return Optional.of(new ClaimedDelivery(delivery.id(), delivery.attempts(), delivery.eventId(), endpoint.url(),
                delivery.body(), secrets));
    }
}
