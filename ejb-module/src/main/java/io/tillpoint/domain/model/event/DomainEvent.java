package io.tillpoint.domain.model.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened, recorded in the same transaction as the change it describes.
 *
 * @param subjectId the payment, refund, freeze, review or settlement id the event is about
 * @param data      the JSON object a merchant may see
 * @param internal  a JSON object with facts only the gateway's own consumers see, never sent to a
 *                  merchant; "{}" when nothing
 */
public record DomainEvent(EventId id, EventType type, String merchantId, String subjectId,
        Instant createdAt, String data, String internal) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(data, "data");
        if (internal == null) {
            internal = "{}";
        }
    }
}
