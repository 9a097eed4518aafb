package io.tillpoint.application;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.infrastructure.json.PaymentJson;
import io.tillpoint.infrastructure.json.RiskJson;
import java.time.Instant;

/**
 * The events risk control's changes record, in the change's transaction: {@code risk.alert} for a
 * freeze (its data the alert, as {@code GET /admin/risk/freezes} shows the freeze: never a card's
 * fingerprint), {@code risk.freeze_lifted}, {@code risk.review_approved} and
 * {@code risk.review_rejected} (the gateway's own).
 */
final class RiskEventsRecorded {

    private RiskEventsRecorded() {
    }

    /** A freeze; {@code merchantId} the merchant it concerns (whose payment tipped it), null for none. */
    static DomainEvent alert(Freeze freeze, String merchantId, Instant now) {
        return DomainEvent.of(EventType.RISK_ALERT, merchantId, freeze.id(), now, RiskJson.alert(freeze, now).toString(),
                "{}");
    }

    static DomainEvent lifted(Freeze freeze, Instant now) {
        return DomainEvent.of(EventType.RISK_FREEZE_LIFTED, concerned(freeze), freeze.id(), now,
                RiskJson.freeze(freeze, now).toString(), "{}");
    }

    static DomainEvent reviewDecided(Payment payment, boolean approved, String reason, String by, Instant now) {
        String data = Jsons.object()
                .add("object", "risk_review")
                .add("payment_id", payment.id())
                .add("decision", approved ? "approved" : "rejected")
                .add("reason", reason)
                .add("decided_by", by)
                .add("decided_at", PaymentJson.format(now))
                .build().toString();
        return DomainEvent.of(approved ? EventType.RISK_REVIEW_APPROVED : EventType.RISK_REVIEW_REJECTED,
                payment.merchantId(), payment.id(), now, data, "{}");
    }

    /** The merchant a freeze is about: a frozen merchant, a customer's or a card's merchant (null for none). */
    static String concerned(Freeze freeze) {
        return freeze.kind() == io.tillpoint.domain.model.risk.SubjectKind.MERCHANT ? freeze.value()
                : freeze.merchantId();
    }
}
