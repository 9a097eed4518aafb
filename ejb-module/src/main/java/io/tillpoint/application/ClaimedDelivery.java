package io.tillpoint.application;

import io.tillpoint.domain.model.webhook.WebhookSecret;
import io.tillpoint.domain.model.webhook.WebhookUrl;
import java.util.List;

/**
 * A delivery a sender holds for one attempt (its {@code attempt}-th): where it goes, what it sends
 * and the secrets that sign it, current first.
 */
public record ClaimedDelivery(String id, int attempt, String eventId, WebhookUrl url, String body,
        List<WebhookSecret> secrets) {

    @Override
    public String toString() {
        return "ClaimedDelivery[" + id + ", attempt " + attempt + "]";
    }
}
