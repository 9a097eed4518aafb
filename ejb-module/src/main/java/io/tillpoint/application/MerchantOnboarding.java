package io.tillpoint.application;

import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import java.util.function.Function;

import io.tillpoint.domain.model.access.ClientSecrets;
import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.Merchant;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.domain.model.merchant.Pricing;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Ids;
import java.time.Instant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Registers merchants and gives them API credentials. */
@Stateless
public class MerchantOnboarding {

    private static final Logger LOG = Logger.getLogger(MerchantOnboarding.class.getName());

    @Inject
    MerchantRepository merchants;

    @Inject
    Clock clock;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    @Inject
    ClientSecrets secrets;

    @Inject
    AuditTrail audit;

    /**
     * Registers a merchant with its first API client. When {@code keyed} (the request's claimed
     * idempotency key) is not null, its record is completed with {@code stored} (the answer as
     * replays get it: without the secret, which is shown once) in this same transaction, so that
     * a merchant is never registered without its key knowing it, nor the reverse. The audit entry
     * {@code merchant.created} is appended in the same transaction.
     */
    public MerchantCredentials register(String name, String country, CurrencyCode defaultCurrency, Pricing pricing,
            AuditContext context, KeyedRequest keyed, Function<MerchantCredentials, StoredResponse> stored) {
        Instant now = clock.now();
        Merchant merchant = Merchant.register(name, country, defaultCurrency, pricing, now);
        merchants.add(merchant);
        String clientId = Ids.newId("cli");
        String secret = "sk_" + Ids.randomToken(40);
        ApiClient client = ApiClient.forMerchant(clientId, secrets.hash(clientId, secret), merchant.id(), now);
        merchants.add(client);
        audit.append(AuditEntry.of(context, AuditAction.MERCHANT_CREATED, AuditTarget.merchant(merchant.id()), null,
                AuditStates.ofNew(merchant, clientId), now));
        LOG.info(() -> "registered merchant " + merchant.id() + " with API client " + clientId);
        MerchantCredentials credentials = new MerchantCredentials(merchant.id(), clientId, secret);
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(credentials), clock.now());
        }
        return credentials;
    }
}
