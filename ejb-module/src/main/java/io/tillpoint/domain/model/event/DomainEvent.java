package io.tillpoint.domain.model.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened, recorded in the same transaction as the change it describes.
 *
 * @param subjectId the payment, refund, freeze, review or settlement the event is about
 * @param data the JSON object a merchant may see: the payment as {@code GET /payments/{id}} shows
 *     it (card masked), the refund for {@code refund.*}, the alert for {@code risk.alert}
 * @param internal a JSON object of facts for the gateway's own consumers only, never sent to a
 *     merchant ({@code "{}"} when there are none); never card data beyond first six and last four
 */
public record DomainEvent(EventId id, EventType type, String merchantId, String subjectId, Instant createdAt,
        String data, String internal) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(data, "data");
        internal = internal == null ? "{}" : internal;
    }

    /** A new event, with a new id. */
    public static DomainEvent of(EventType type, String merchantId, String subjectId, Instant createdAt, String data,
            String internal) {
        return new DomainEvent(EventId.generate(), type, merchantId, subjectId, createdAt, data, internal);
    }
}
