package io.tillpoint.infrastructure.json;

import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A settlement as the contract shows it ({@code GET /settlements/{id}}, the {@code settlement.completed} event). */
public final class SettlementJson {

    private SettlementJson() {
    }

    public static JsonObject of(Settlement s) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", s.id())
                .add("object", "settlement")
                .add("currency", s.currency())
                .add("period_start", PaymentJson.format(s.periodStart()))
                .add("period_end", PaymentJson.format(s.periodEnd()))
                .add("gross", s.gross())
                .add("refunds", s.refunds())
                .add("fees", s.fees())
                .add("net", s.net())
                .add("transaction_count", s.transactionCount())
                .add("status", s.status() == SettlementStatus.COMPLETED ? "completed" : "pending");
        if (s.carriedIn() == null) {
            json.addNull("carried_in").addNull("payout_amount");
        } else {
            json.add("carried_in", s.carriedIn()).add("payout_amount", s.payout());
        }
        return json.add("created_at", PaymentJson.format(s.createdAt())).build();
    }
}
