package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.Merchant;

/** What the audit trail keeps of a merchant and of an API client: never a secret or its hash. */
final class AuditStates {

    private AuditStates() {
    }

    static AuditSnapshot of(Merchant m) {
        return merchant(m).build();
    }

    /** A merchant just registered, with its first client. */
    static AuditSnapshot ofNew(Merchant m, String clientId) {
        return merchant(m).text("client_id", clientId).build();
    }

    private static AuditSnapshot.Builder merchant(Merchant m) {
        return AuditSnapshot.builder()
                .text("name", m.name())
                .text("country", m.country())
                .text("default_currency", m.defaultCurrency())
                .number("percent_bps", (long) m.pricing().percentBps())
                .number("fixed", m.pricing().fixed())
                .text("status", m.status().wire())
                .text("status_reason", m.statusReason());
    }

    static AuditSnapshot of(ApiClient c) {
        return AuditSnapshot.builder()
                .text("client_id", c.clientId())
                .text("merchant_id", c.merchantId())
                .text("role", c.role().groupName())
                .flag("active", c.active())
                .text("revoked_reason", c.revokedReason())
                .build();
    }
}
