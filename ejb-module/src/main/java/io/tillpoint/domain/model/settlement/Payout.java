package io.tillpoint.domain.model.settlement;

import java.time.Instant;

/** A payout instruction: what a settlement owes the merchant, sent as an ISO 20022 pain.001 credit transfer. */
public record Payout(String id, String settlementId, String merchantId, String currency, long amount, String journalId,
        Instant createdAt) {
}
