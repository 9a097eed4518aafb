package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.console.ConsoleAction;
import io.tillpoint.domain.model.console.ConsoleCaller;
import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.Merchant;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.domain.model.merchant.Pricing;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Merchants and their webhooks in the back office: the same onboarding, suspension, reactivation,
 * credentials and redelivery services as the API (with their audit entries), after the console
 * role's check; and the edit of a merchant's name and pricing, with its audit entry
 * ({@code merchant.updated}). A new secret is in the answer once and nowhere else.
 */
@Stateless
public class BackOfficeMerchants {

    static final AuditAction MERCHANT_UPDATED = new AuditAction("merchant.updated");
    static final AuditAction WEBHOOK_REDELIVERED = new AuditAction("webhook_delivery.redelivered");

    @Inject
    MerchantRepository merchants;

    @EJB
    MerchantOnboarding onboarding;

    @EJB
    MerchantAccess access;

    @EJB
    MerchantWebhooks webhooks;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<Merchant> list(ConsoleCaller caller, int offset, int limit) {
        caller.require(ConsoleAction.VIEW_MERCHANTS);
        return merchants.list(offset, limit);
    }

    public Merchant merchant(ConsoleCaller caller, String merchantId) {
        caller.require(ConsoleAction.VIEW_MERCHANTS);
        return merchants.find(merchantId).orElseThrow(() -> new NotFoundException("merchant", merchantId));
    }

    public List<ApiClient> clients(ConsoleCaller caller, String merchantId) {
        caller.require(ConsoleAction.VIEW_MERCHANTS);
        return merchants.clientsOf(merchantId);
    }

    public MerchantCredentials register(ConsoleCaller caller, String name, String country, String currency,
            long percentBps, long fixed) {
        caller.require(ConsoleAction.MANAGE_MERCHANTS);
        if (currency == null || currency.isBlank()) {
            throw new InvalidInputException("default_currency", "is required");
        }
        return onboarding.register(name, country, CurrencyCode.of(currency.strip()), Pricing.of(percentBps, fixed),
                caller.audit(), null, unkeyed -> null);
    }

    public Merchant edit(ConsoleCaller caller, String merchantId, String name, long percentBps, long fixed) {
        caller.require(ConsoleAction.MANAGE_MERCHANTS);
        Merchant m = merchants.find(merchantId).orElseThrow(() -> new NotFoundException("merchant", merchantId));
        AuditSnapshot before = AuditStates.of(m);
        m.changeDetails(name, Pricing.of(percentBps, fixed));
        audit.append(AuditEntry.of(caller.audit(), MERCHANT_UPDATED, AuditTarget.merchant(merchantId), before,
                AuditStates.of(m), clock.now()));
        return m;
    }

    public Merchant suspend(ConsoleCaller caller, String merchantId, String reason) {
        caller.require(ConsoleAction.MANAGE_MERCHANTS);
        return access.suspend(merchantId, Reason.of(reason), caller.audit(), null, unkeyed -> null);
    }

    public Merchant reactivate(ConsoleCaller caller, String merchantId, String reason) {
        caller.require(ConsoleAction.MANAGE_MERCHANTS);
        return access.reactivate(merchantId, Reason.of(reason), caller.audit(), null, unkeyed -> null);
    }

    public IssuedCredentials issueCredentials(ConsoleCaller caller, String merchantId) {
        caller.require(ConsoleAction.MANAGE_CREDENTIALS);
        return access.issueCredentials(merchantId, caller.audit(), null, unkeyed -> null);
    }

    public ApiClient revoke(ConsoleCaller caller, String clientId, String reason) {
        caller.require(ConsoleAction.MANAGE_CREDENTIALS);
        return access.revoke(clientId, Reason.of(reason), caller.audit(), null, unkeyed -> null);
    }

    public List<WebhookEndpoint> endpoints(ConsoleCaller caller, String merchantId) {
        caller.require(ConsoleAction.VIEW_WEBHOOKS);
        return webhooks.endpoints(merchantId);
    }

    public List<WebhookDelivery> deliveries(ConsoleCaller caller, String merchantId, String endpointId, int limit) {
        caller.require(ConsoleAction.VIEW_WEBHOOKS);
        return webhooks.deliveries(merchantId, endpointId, null, limit);
    }

    public WebhookDelivery redeliver(ConsoleCaller caller, String merchantId, String deliveryId) {
        caller.require(ConsoleAction.REDELIVER_WEBHOOKS);
        WebhookDelivery again = webhooks.redeliver(merchantId, deliveryId, null, unkeyed -> null);
        audit.append(AuditEntry.of(caller.audit(), WEBHOOK_REDELIVERED, new AuditTarget("webhook_delivery", deliveryId),
                null, AuditSnapshot.builder().text("redelivery_id", again.id()).text("event_type", again.eventType())
                        .build(), clock.now()));
        return again;
    }
}
