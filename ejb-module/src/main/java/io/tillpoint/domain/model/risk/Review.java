package io.tillpoint.domain.model.risk;

import java.time.Instant;

/** A payment held for review ({@code in_review}), and what an analyst decided (null while open). */
public record Review(String paymentId, String merchantId, Instant openedAt, String decision, Instant decidedAt,
        String decidedBy, String reason) {

    public boolean open() {
        return decidedAt == null;
    }
}
