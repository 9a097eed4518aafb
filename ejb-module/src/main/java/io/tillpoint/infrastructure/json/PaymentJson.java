package io.tillpoint.infrastructure.json;

import io.tillpoint.domain.model.payment.CardSnapshot;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentStatus;
import io.tillpoint.domain.model.payment.Refund;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Payments and refunds as the contract shows them, wherever they are shown: API responses, the
 * answers kept for idempotent replays (also those recovery completes), events. Card data:
 * brand, last 4, expiry, country, fingerprint.
 */
public final class PaymentJson {

    private PaymentJson() {
    }

    public static JsonObject of(Payment p) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", p.id())
                .add("object", "payment")
                .add("status", p.status().apiName())
                .add("amount", p.amount().minorUnits())
                .add("currency", p.currency().code())
                .add("amount_capturable", p.amountCapturable())
                .add("amount_captured", p.amountCaptured())
                .add("amount_refunded", p.amountRefunded())
                .add("capture", p.captureMode().apiName());
        nullable(json, "reference", p.reference());
        nullable(json, "description", p.description());
        JsonObjectBuilder metadata = Jsons.object();
        p.metadata().forEach(metadata::add);
        json.add("metadata", metadata);
        json.add("customer", customer(p));
        json.add("payment_method", Jsons.object()
                .add("type", p.methodType().apiName())
                .add("card", card(p.card())));
        json.add("risk", RiskJson.assessment(p.risk()));
        nullable(json, "decline_code", p.declineCode() == null ? null : p.declineCode().apiName());
        if (p.status() == PaymentStatus.REQUIRES_ACTION) {
            json.add("next_action", Jsons.object()
                    .add("type", "confirm_code")
                    .add("confirm_url", "/api/v1/payments/" + p.id() + "/confirm"));
        } else {
            json.addNull("next_action");
        }
        return json.add("created_at", format(p.createdAt()))
                .add("updated_at", format(p.updatedAt()))
                .build();
    }

    public static JsonObject of(Refund r) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", r.id())
                .add("object", "refund")
                .add("payment_id", r.paymentId())
                .add("amount", r.amount().minorUnits())
                .add("currency", r.amount().currency().code())
                .add("status", r.status());
        nullable(json, "reason", r.reason());
        nullable(json, "failure_code", r.failureCode());
        return json.add("created_at", format(r.createdAt())).build();
    }

    /** RFC 3339 UTC to the second, as every timestamp on the wire. */
    public static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static JsonObjectBuilder customer(Payment p) {
        JsonObjectBuilder c = Jsons.object();
        if (p.customer() != null) {
            nullable(c, "id", p.customer().id());
            nullable(c, "email", p.customer().email());
            nullable(c, "ip", p.customer().ip());
            nullable(c, "country", p.customer().country());
        }
        return c;
    }

    private static JsonObjectBuilder card(CardSnapshot card) {
        JsonObjectBuilder c = Jsons.object();
        nullable(c, "brand", card.brand());
        nullable(c, "last4", card.last4());
        c.add("exp_month", card.expMonth()).add("exp_year", card.expYear());
        nullable(c, "country", card.country());
        nullable(c, "fingerprint", card.fingerprint());
        return c;
    }

    static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
