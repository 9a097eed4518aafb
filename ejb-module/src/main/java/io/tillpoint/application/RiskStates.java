package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.infrastructure.json.PaymentJson;
import io.tillpoint.infrastructure.json.RiskJson;
import java.time.Instant;

/** What the audit trail keeps of rules, blocklist entries, freezes and reviewed payments: never a card's fingerprint. */
final class RiskStates {

    private RiskStates() {
    }

    static AuditSnapshot of(RiskRule r) {
        return AuditSnapshot.builder()
                .number("version", (long) r.version())
                .text("name", r.name())
                .flag("enabled", r.enabled())
                .number("order", (long) r.order())
                .text("condition", RiskJson.condition(r.condition()).toString())
                .number("score", (long) r.score())
                .text("action", r.action().wire())
                .number("freeze_minutes", r.freezeFor() == null ? null : r.freezeFor().toMinutes())
                .build();
    }

    static AuditSnapshot of(BlocklistEntry e) {
        return AuditSnapshot.builder()
                .text("kind", e.kind().wire())
                .text("value", e.shownValue())
                .text("merchant_id", e.merchantId())
                .text("card_bin", e.cardBin())
                .text("card_last4", e.cardLast4())
                .text("reason", e.reason())
                .flag("active", e.active())
                .text("removal_reason", e.removalReason())
                .build();
    }

    static AuditSnapshot of(Freeze f, Instant now) {
        return AuditSnapshot.builder()
                .text("kind", f.kind().wire())
                .text("value", f.shownValue())
                .text("merchant_id", f.merchantId())
                .text("card_bin", f.cardBin())
                .text("payment_id", f.paymentId())
                .text("rule", f.ruleName())
                .text("reason", f.reason())
                .text("expires_at", PaymentJson.format(f.expiresAt()))
                .text("status", f.status(now))
                .text("lift_reason", f.liftReason())
                .build();
    }

    /** A payment under review: its status, amount and what risk control found. */
    static AuditSnapshot of(Payment p, String decision, String reason) {
        return AuditSnapshot.builder()
                .text("merchant_id", p.merchantId())
                .text("status", p.status().apiName())
                .number("amount", p.amount().minorUnits())
                .text("currency", p.currency().code())
                .text("capture", p.captureMode().apiName())
                .number("risk_score", p.risk() == null ? null : (long) p.risk().score())
                .text("risk_rules", p.risk() == null ? null : p.risk().rulesText())
                .text("decision", decision)
                .text("reason", reason)
                .build();
    }
}
