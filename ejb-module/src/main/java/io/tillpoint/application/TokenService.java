package io.tillpoint.application;

import io.tillpoint.domain.model.access.AttemptVerdict;
import io.tillpoint.domain.model.access.AuthFailureReason;
import io.tillpoint.domain.model.access.AuthenticationAttempts;
import io.tillpoint.domain.model.access.ClientSecrets;
import io.tillpoint.domain.model.access.SecretMatch;
import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.Merchant;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.infrastructure.crypto.JwtSigner;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth2 client credentials grant: checks the client's secret and issues an RS256 JWT that names
 * its key ({@code kid}) and its audience ({@code aud}) and lives {@link TokenSettings#ttlSeconds}.
 *
 * <p>Every attempt costs one keyed hash and one statement on the shared failure tally, whether
 * the client exists or not: a wrong secret (or an unknown id) is counted, a right one clears the
 * tally, and ten failures within the window lock the id out for the window, on every instance
 * (429). A right secret during a lock-out is refused too. Then a revoked client is refused (401)
 * and a suspended merchant's client too (403), as the database says now.
 *
 * <p>{@link #authenticate} is the same check without a token, for callers that send the client id
 * and secret with each request (a SOAP client's WS-Security UsernameToken): the same tally, the
 * same lock-out, the same refusals.
 *
 * <p>No transaction: the tally's statements commit on their own, so that a refused attempt stays
 * counted (a transaction here would roll the count back with the refusal).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenService {

    static final int MAX_CLIENT_ID = 64;

    @Inject
    MerchantRepository merchants;

    @Inject
    ClientSecrets secrets;

    @Inject
    AuthenticationAttempts attempts;

    @Inject
    JwtSigner signer;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    @EJB
    MerchantAccess access;

    public AccessToken issue(String clientId, String clientSecret) {
        return sign(check(clientId, clientSecret));
    }

    /**
     * The client that {@code clientId} and {@code clientSecret} name, checked as {@link #issue}
     * checks them (counted failures, lock-out, revoked client, suspended merchant); throws what
     * {@code issue} throws.
     */
    public AuthenticatedClient authenticate(String clientId, String clientSecret) {
        ApiClient client = check(clientId, clientSecret);
        return new AuthenticatedClient(client.clientId(), client.merchantId());
    }

    private ApiClient check(String clientId, String clientSecret) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID || clientSecret == null) {
            secrets.checkUnknown(clientId, clientSecret);
            throw new InvalidClientException(AuthFailureReason.MALFORMED_REQUEST);
        }
        Optional<ApiClient> found = merchants.findClient(clientId);
        SecretMatch match = found.isPresent() ? secrets.check(clientId, clientSecret, found.get().secretHash())
                : secrets.checkUnknown(clientId, clientSecret);
        if (!match.matches()) {
            AttemptVerdict verdict = attempts.failed(clientId, settings.lockoutPolicy());
            if (verdict.locked()) {
                throw new TooManyAttemptsException(verdict.retryAfter());
            }
            throw new InvalidClientException(found.isPresent() ? AuthFailureReason.WRONG_SECRET
                    : AuthFailureReason.UNKNOWN_CLIENT);
        }
        AttemptVerdict verdict = attempts.succeeded(clientId);
        if (verdict.locked()) {
            throw new TooManyAttemptsException(verdict.retryAfter());
        }
        ApiClient client = found.get();
        if (!client.active()) {
            throw new InvalidClientException(AuthFailureReason.CLIENT_REVOKED);
        }
        if (client.merchantId() != null && merchants.find(client.merchantId()).map(Merchant::suspended).orElse(true)) {
            throw new MerchantSuspendedException();
        }
        if (match == SecretMatch.MATCH_REHASH) {
            access.rehashSecret(clientId, client.secretHash(), secrets.hash(clientId, clientSecret));
        }
        return client;
    }

    private AccessToken sign(ApiClient client) {
        Instant now = clock.now();
        long ttl = settings.ttlSeconds();
        JsonObjectBuilder claims = Jsons.object()
                .add("iss", settings.issuer())
                .add("aud", Jsons.array().add(settings.audience()))
                .add("sub", client.clientId())
                .add("upn", client.clientId())
                .add("groups", Jsons.array().add(client.role().groupName()))
                .add("iat", now.getEpochSecond())
                .add("exp", now.getEpochSecond() + ttl)
                .add("jti", Ids.newId("jti"));
        if (client.merchantId() != null) {
            claims.add("merchant_id", client.merchantId());
        }
        return new AccessToken(signer.sign(claims.build()), ttl);
    }
}
