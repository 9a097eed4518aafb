package io.tillpoint.application;

import io.tillpoint.domain.model.access.AccessChanges;
import io.tillpoint.domain.model.access.ClientSecrets;
import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.Merchant;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.merchant.Role;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Operators take access away and give it back: suspend and reactivate merchants, issue and revoke
 * API credentials. Each is one transaction that changes the record, moves the access change
 * counter on (so every instance's copy of who is refused catches up within a second) and appends
 * its audit entry, all or nothing.
 */
@Stateless
public class MerchantAccess {

    private static final Logger LOG = Logger.getLogger(MerchantAccess.class.getName());

    @Inject
    MerchantRepository merchants;

    @Inject
    ClientSecrets secrets;

    @Inject
    AccessChanges changes;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    /**
     * Suspends the merchant. When {@code keyed} (the request's claimed idempotency key) is not
     * null, its record is completed with {@code stored} (the answer) in this same transaction, as
     * for every change below: a retry replays what was committed.
     */
    public Merchant suspend(String merchantId, Reason reason, AuditContext context, KeyedRequest keyed,
            Function<Merchant, StoredResponse> stored) {
        return changeStatus(merchantId, reason, context, true, keyed, stored);
    }

    public Merchant reactivate(String merchantId, Reason reason, AuditContext context, KeyedRequest keyed,
            Function<Merchant, StoredResponse> stored) {
        return changeStatus(merchantId, reason, context, false, keyed, stored);
    }

    private Merchant changeStatus(String merchantId, Reason reason, AuditContext context, boolean suspend,
            KeyedRequest keyed, Function<Merchant, StoredResponse> stored) {
        Merchant merchant = merchant(merchantId);
        AuditSnapshot before = AuditStates.of(merchant);
        Instant now = clock.now();
        if (suspend) {
            merchant.suspend(reason, now);
        } else {
            merchant.reactivate(reason, now);
        }
        changes.recordChange();
        audit.append(AuditEntry.of(context, suspend ? AuditAction.MERCHANT_SUSPENDED : AuditAction.MERCHANT_REACTIVATED,
                AuditTarget.merchant(merchantId), before, AuditStates.of(merchant), now));
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(merchant), now);
        }
        LOG.info(() -> "merchant " + merchantId + (suspend ? " suspended" : " reactivated") + " by " + context.actor().id());
        return merchant;
    }

    /**
     * A new API client for the merchant, with a new secret. When {@code keyed} (the request's
     * claimed idempotency key) is not null, its record is completed with {@code stored} (the
     * answer as replays get it: without the secret) in this same transaction.
     */
    public IssuedCredentials issueCredentials(String merchantId, AuditContext context, KeyedRequest keyed,
            Function<IssuedCredentials, StoredResponse> stored) {
        merchant(merchantId);
        Instant now = clock.now();
        String clientId = Ids.newId("cli");
        String secret = "sk_" + Ids.randomToken(40);
        ApiClient client = ApiClient.forMerchant(clientId, secrets.hash(clientId, secret), merchantId, now);
        merchants.add(client);
        audit.append(AuditEntry.of(context, AuditAction.CREDENTIALS_ISSUED, AuditTarget.apiClient(clientId), null,
                AuditStates.of(client), now));
        IssuedCredentials issued = new IssuedCredentials(merchantId, clientId, secret);
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(issued), now);
        }
        LOG.info(() -> "API client " + clientId + " issued to merchant " + merchantId + " by " + context.actor().id());
        return issued;
    }

    /**
     * Revokes an API client: its tokens are refused from its next request on, on every instance,
     * and it gets no new ones. The platform's own client cannot be revoked (nobody would be left to
     * undo it); change its secret with {@code TILLPOINT_PLATFORM_SECRET} instead.
     */
    public ApiClient revoke(String clientId, Reason reason, AuditContext context, KeyedRequest keyed,
            Function<ApiClient, StoredResponse> stored) {
        ApiClient client = merchants.findClient(clientId).orElseThrow(() -> new NotFoundException("client", clientId));
        if (client.role() == Role.PLATFORM_ADMIN) {
            throw new InvalidStateException("The platform client cannot be revoked; change TILLPOINT_PLATFORM_SECRET instead");
        }
        AuditSnapshot before = AuditStates.of(client);
        Instant now = clock.now();
        client.revoke(reason, now);
        changes.recordChange();
        audit.append(AuditEntry.of(context, AuditAction.CREDENTIALS_REVOKED, AuditTarget.apiClient(clientId), before,
                AuditStates.of(client), now));
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(client), now);
        }
        LOG.info(() -> "API client " + clientId + " revoked by " + context.actor().id());
        return client;
    }

    /**
     * Stores the current form of a client's secret hash after it was presented right under an
     * older one (PBKDF2 or an older key): its own short transaction, and only if the hash is
     * still the one checked.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rehashSecret(String clientId, String checkedHash, String currentHash) {
        if (merchants.replaceSecretHash(clientId, checkedHash, currentHash)) {
            LOG.fine(() -> "client " + clientId + "'s secret is now hashed the current way");
        }
    }

    private Merchant merchant(String merchantId) {
        return merchants.find(merchantId).orElseThrow(() -> new NotFoundException("merchant", merchantId));
    }
}
