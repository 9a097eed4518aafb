package io.tillpoint.domain.model.event;

import io.tillpoint.domain.shared.Ids;
import java.time.Instant;

/**
 * A message a consumer gave up on: after too many failed tries, or because it was not an event
 * at all. Kept with what an operator needs to decide (the consumer, its queue, the event, how
 * often it was tried, the last error, scrubbed of card numbers) until it is sent back to its
 * queue ({@code replayedAt}).
 *
 * @param eventId null when the message could not be read as an event
 */
public record DeadLetter(String id, String consumer, String queue, String eventId, String eventType,
        String merchantId, String body, int deliveries, String lastError, Instant deadAt, Instant replayedAt,
        String replayedBy) {

    public static final int MAX_ERROR_LENGTH = 1000;

    /** A new dead letter, not replayed. */
    public static DeadLetter of(String consumer, String queue, String eventId, String eventType, String merchantId,
            String body, int deliveries, String lastError, Instant deadAt) {
        return new DeadLetter(Ids.newId("dlq"), consumer, queue, eventId, eventType, merchantId, body, deliveries,
                lastError == null || lastError.length() <= MAX_ERROR_LENGTH ? lastError
                        : lastError.substring(0, MAX_ERROR_LENGTH),
                deadAt, null, null);
    }

    public boolean replayed() {
        return replayedAt != null;
    }
}
