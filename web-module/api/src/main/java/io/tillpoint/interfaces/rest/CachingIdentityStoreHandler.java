package io.tillpoint.interfaces.rest;

import io.tillpoint.application.AccessControl;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The API's identity store handler: the one Jakarta Security describes (the identity stores in
 * priority order, the first that validates the credential wins, then the group providers add
 * their groups), which remembers each verified bearer token in {@link VerifiedTokens}.
 *
 * <p>MicroProfile JWT hands every request's bearer token to the identity store handler, and the
 * server's JWT store verifies it from scratch: it parses the configured public key again, checks
 * the RS256 signature and decodes the claims, about a tenth of the server's CPU per payment.
 * A merchant sends the same token for up to an hour; here it is verified once, then served from
 * memory until it expires (or for five minutes at most). Failed verifications are never kept.
 *
 * <p>A token must name its signing key ({@code kid}), and the key must still be one of the ring's
 * ({@link AccessControl#acceptsKey}): a token without one, or with a retired or unknown one, is
 * refused before any store is asked. When the ring changes (a key added or retired, seen within
 * the ring's reload period), every verification kept here is forgotten, so a retired key stops
 * verifying within that period and not only when MicroProfile JWT re-reads its key set.
 *
 * <p>On /metrics: {@code tillpoint_api_token_verifications_total}, the bearer tokens verified in
 * full; with the requests, it tells how well the cache serves.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class CachingIdentityStoreHandler implements IdentityStoreHandler {

    /** Distinct tokens kept at once: far more than the merchants of one instance hold. */
    static final int CAPACITY = 10_000;

    static final String VERIFICATIONS = "tillpoint_api_token_verifications";

    private static final ClassValue<MethodHandle> TOKEN_READERS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "getSignedJWT", MethodType.methodType(String.class));
            } catch (ReflectiveOperationException notABearerToken) {
                return null;
            }
        }
    };

    private final VerifiedTokens verified = new VerifiedTokens(CAPACITY);

    @Inject
    @Any
    Instance<IdentityStore> stores;

    @Inject
    MetricRegistry metrics;

    @Inject
    AccessControl access;

    /** The key ring generation the kept verifications were made under. */
    private volatile long keptUnderGeneration = Long.MIN_VALUE;

    @PostConstruct
    void describeMetrics() {
        metrics.counter(Metadata.builder().withName(VERIFICATIONS)
                .withDescription("Bearer tokens verified in full (signature and claims); a token already verified "
                        + "is served from memory until it expires, for five minutes at most").build());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        String token = compactToken(credential);
        if (token == null) {
            return validateWithStores(credential);
        }
        long generation = forgetOnKeyChange();
        Instant now = now();
        CredentialValidationResult known = verified.get(token, now);
        if (known != null) {
            return known;
        }
        String kid = TokenInspection.keyIdOf(token);
        if (kid == null || !keyAccepted(kid)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        CredentialValidationResult result = validateWithStores(credential);
        verifiedInFull();
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                && keyGeneration() == generation) {
            verified.put(token, result, Instant.ofEpochSecond(jwt.getExpirationTime()), now);
        }
        return result;
    }

    /** Forgets every kept verification when the key ring changed; the generation now. */
    private long forgetOnKeyChange() {
        long generation = keyGeneration();
        if (generation != keptUnderGeneration) {
            keptUnderGeneration = generation;
            verified.clear();
        }
        return generation;
    }

    boolean keyAccepted(String kid) {
        return access.acceptsKey(kid);
    }

    long keyGeneration() {
        return access.keyGeneration();
    }

    /**
     * The compact form of a bearer-token credential: MicroProfile JWT's credential (the
     * server's own class) exposes it as {@code getSignedJWT()}. Null for any other credential.
     */
    static String compactToken(Credential credential) {
        MethodHandle reader = credential == null ? null : TOKEN_READERS.get(credential.getClass());
        if (reader == null) {
            return null;
        }
        try {
            return (String) reader.invoke(credential);
        } catch (Throwable unreadable) {
            return null;
        }
    }

    private CredentialValidationResult validateWithStores(Credential credential) {
        return validate(credential, identityStores());
    }

    List<IdentityStore> identityStores() {
        return stores.stream().toList();
    }

    Instant now() {
        return Instant.now();
    }

    void verifiedInFull() {
        metrics.counter(VERIFICATIONS).inc();
    }

    /** Jakarta Security's default validation over {@code stores}, as its specification lays it out. */
    static CredentialValidationResult validate(Credential credential, List<IdentityStore> stores) {
        List<IdentityStore> byPriority = stores.stream().sorted(Comparator.comparingInt(IdentityStore::priority)).toList();
        CredentialValidationResult validated = null;
        IdentityStore validator = null;
        boolean refused = false;
        for (IdentityStore store : byPriority) {
            if (!store.validationTypes().contains(ValidationType.VALIDATE)) {
                continue;
            }
            CredentialValidationResult result = store.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                validated = result;
                validator = store;
                break;
            }
            refused |= result.getStatus() == CredentialValidationResult.Status.INVALID;
        }
        if (validated == null) {
            return refused ? CredentialValidationResult.INVALID_RESULT : CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Set<String> groups = new HashSet<>();
        if (validator.validationTypes().contains(ValidationType.PROVIDE_GROUPS)) {
            groups.addAll(validated.getCallerGroups());
        }
        for (IdentityStore store : byPriority) {
            if (store != validator && store.validationTypes().equals(Set.of(ValidationType.PROVIDE_GROUPS))) {
                groups.addAll(store.getCallerGroups(validated));
            }
        }
        return new CredentialValidationResult(validated.getIdentityStoreId(), validated.getCallerPrincipal(),
                validated.getCallerDn(), validated.getCallerUniqueId(), groups);
    }
}
