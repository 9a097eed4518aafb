package io.tillpoint.application;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.model.payment.CardSnapshot;
import io.tillpoint.domain.model.payment.Customer;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentStatus;
import io.tillpoint.domain.model.payment.Refund;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.infrastructure.json.PaymentJson;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * The events a payment's and a refund's changes record: the payment (or refund) exactly as the
 * API shows it, card masked, and for payments the internal facts the gateway's own consumers
 * need (its internal card fingerprint, the card's first six, the customer), never sent to a
 * merchant.
 */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    /** The event of the payment's move to its current status. */
    public static DomainEvent moved(Payment payment, Instant now) {
        return paymentEvent(typeOf(payment.status()), payment, now);
    }

    /** A refund of the payment succeeded: {@code payment.refunded}, the payment as it is now. */
    public static DomainEvent refunded(Payment payment, Instant now) {
        return paymentEvent(EventType.PAYMENT_REFUNDED, payment, now);
    }

    /** {@code refund.pending}, {@code refund.succeeded} or {@code refund.failed}: the refund as the API shows it. */
    public static DomainEvent refund(Refund refund, Instant now) {
        EventType type = switch (refund.status()) {
            case "pending" -> EventType.REFUND_PENDING;
            case "succeeded" -> EventType.REFUND_SUCCEEDED;
            default -> EventType.REFUND_FAILED;
        };
        return DomainEvent.of(type, refund.merchantId(), refund.id(), now, PaymentJson.of(refund).toString(), "{}");
    }

    static DomainEvent paymentEvent(EventType type, Payment payment, Instant now) {
        return DomainEvent.of(type, payment.merchantId(), payment.id(), now, PaymentJson.of(payment).toString(),
                internal(payment));
    }

    /** What the API shows of a payment in a status, as an event. */
    static EventType typeOf(PaymentStatus status) {
        return switch (status) {
            case PROCESSING, UNKNOWN -> EventType.PAYMENT_PROCESSING;
            case REQUIRES_ACTION -> EventType.PAYMENT_REQUIRES_ACTION;
            case AUTHORIZED -> EventType.PAYMENT_AUTHORIZED;
            case CAPTURED -> EventType.PAYMENT_CAPTURED;
            case PARTIALLY_REFUNDED, REFUNDED -> EventType.PAYMENT_REFUNDED;
            case VOIDED -> EventType.PAYMENT_VOIDED;
            case DECLINED -> EventType.PAYMENT_DECLINED;
            case IN_REVIEW -> EventType.PAYMENT_IN_REVIEW;
        };
    }

    /** The facts for the gateway's own consumers (risk): nulls where the payment has none. */
    static String internal(Payment payment) {
        CardSnapshot card = payment.card();
        Customer customer = payment.customer();
        JsonObjectBuilder json = Jsons.object();
        text(json, "card_fingerprint", card == null ? null : card.internalFingerprint());
        text(json, "bin", card == null ? null : card.bin());
        text(json, "issuer_country", card == null ? null : card.country());
        text(json, "customer_id", customer == null ? null : customer.id());
        text(json, "customer_email", customer == null ? null : customer.email());
        text(json, "customer_ip", customer == null ? null : customer.ip());
        text(json, "customer_country", customer == null ? null : customer.country());
        json.add("amount", payment.amount().minorUnits());
        json.add("currency", payment.currency().code());
        text(json, "decline_code", payment.declineCode() == null ? null : payment.declineCode().apiName());
        json.add("capture", payment.captureMode().apiName());
        return json.build().toString();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
