package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The API's identity store handler: Jakarta Security's validation, asked once per bearer token
 * while the token is good.
 */
class CachingIdentityStoreHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String A = jwt("k1", "a");
    private static final String GOOD = jwt("k1", "good");
    private static final String FORGED = jwt("k1", "forged");

    private Instant now = NOW;
    private int verifiedInFull;
    private final Set<String> ring = new HashSet<>(Set.of("k1"));
    private long generation = 1;
    private final List<IdentityStore> registered = new ArrayList<>();
    private final CachingIdentityStoreHandler handler = new CachingIdentityStoreHandler() {
        @Override
        List<IdentityStore> identityStores() {
            return registered;
        }

        @Override
        Instant now() {
            return now;
        }

        @Override
        void verifiedInFull() {
            verifiedInFull++;
        }

        @Override
        boolean keyAccepted(String kid) {
            return ring.contains(kid);
        }

        @Override
        long keyGeneration() {
            return generation;
        }
    };

    /** A compact token whose header names {@code kid}; the rest is whatever the stores make of it. */
    static String jwt(String kid, String payload) {
        String header = kid == null ? "{\"alg\":\"RS256\"}" : "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + payload + ".sig";
    }

    @Test
    void aGoodTokenIsVerifiedOnceWhileItLasts() {
        Store jwt = store(1, credential -> valid(credential, NOW.plusSeconds(3600)));

        CredentialValidationResult first = handler.validate(new BearerToken(A));
        now = NOW.plusSeconds(299);
        CredentialValidationResult again = handler.validate(new BearerToken(A));

        assertThat(first.getStatus()).isEqualTo(Status.VALID);
        assertThat(again).isSameAs(first);
        assertThat(jwt.calls).isEqualTo(1);
        assertThat(verifiedInFull).isEqualTo(1);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItHasExpired() {
        Store jwt = store(1, credential -> valid(credential, NOW.plusSeconds(60)));

        handler.validate(new BearerToken(A));
        now = NOW.plusSeconds(60);
        handler.validate(new BearerToken(A));

        assertThat(jwt.calls).isEqualTo(2);
        assertThat(verifiedInFull).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsAskedAboutEveryTime() {
        Store jwt = store(1, credential -> CredentialValidationResult.INVALID_RESULT);

        assertThat(handler.validate(new BearerToken(FORGED)).getStatus()).isEqualTo(Status.INVALID);
        assertThat(handler.validate(new BearerToken(FORGED)).getStatus()).isEqualTo(Status.INVALID);
        assertThat(jwt.calls).isEqualTo(2);
    }

    @Test
    void eachTokenIsVerifiedOnItsOwn() {
        Store jwt = store(1, credential -> ((BearerToken) credential).getSignedJWT().contains("good")
                ? valid(credential, NOW.plusSeconds(3600)) : CredentialValidationResult.INVALID_RESULT);

        assertThat(handler.validate(new BearerToken(GOOD)).getStatus()).isEqualTo(Status.VALID);
        assertThat(handler.validate(new BearerToken(FORGED)).getStatus()).isEqualTo(Status.INVALID);
        assertThat(jwt.calls).isEqualTo(2);
    }

    @Test
    void otherCredentialsGoToTheStoresEveryTime() {
        Store passwords = store(1, credential -> new CredentialValidationResult(new CallerPrincipal("admin")));
        UsernamePasswordCredential login = new UsernamePasswordCredential("admin", new Password("secret"));

        handler.validate(login);
        handler.validate(login);

        assertThat(passwords.calls).isEqualTo(2);
        assertThat(CachingIdentityStoreHandler.compactToken(login)).isNull();
        assertThat(CachingIdentityStoreHandler.compactToken(new BearerToken(A))).isEqualTo(A);
    }

    @Test
    void aTokenThatNamesNoKeyOrAKeyOutsideTheRingIsRefusedWithoutAskingTheStores() {
        Store jwt = store(1, credential -> valid(credential, NOW.plusSeconds(3600)));

        assertThat(handler.validate(new BearerToken(jwt(null, "a"))).getStatus()).isEqualTo(Status.INVALID);
        assertThat(handler.validate(new BearerToken(jwt("k-retired", "a"))).getStatus()).isEqualTo(Status.INVALID);
        assertThat(handler.validate(new BearerToken("not-a-jwt")).getStatus()).isEqualTo(Status.INVALID);
        assertThat(jwt.calls).isZero();
    }

    @Test
    void aKeptVerificationIsForgottenWhenTheRingChangesAndARetiredKeyStopsVerifying() {
        Store jwt = store(1, credential -> valid(credential, NOW.plusSeconds(3600)));
        handler.validate(new BearerToken(A));
        assertThat(handler.validate(new BearerToken(A)).getStatus()).isEqualTo(Status.VALID);
        assertThat(jwt.calls).isEqualTo(1);

        ring.remove("k1");
        generation++;

        assertThat(handler.validate(new BearerToken(A)).getStatus()).isEqualTo(Status.INVALID);
        assertThat(jwt.calls).as("refused on the kid, not asked again").isEqualTo(1);
    }

    @Test
    void aKeyAddedToTheRingMakesKeptVerificationsBeMadeAgainOnce() {
        Store jwt = store(1, credential -> valid(credential, NOW.plusSeconds(3600)));
        handler.validate(new BearerToken(A));

        ring.add("k2");
        generation++;
        handler.validate(new BearerToken(A));
        handler.validate(new BearerToken(A));

        assertThat(jwt.calls).isEqualTo(2);
    }

    @Test
    void storesAreAskedInPriorityOrderAndTheFirstToValidateWins() {
        Store second = store(20, credential -> valid(credential, NOW.plusSeconds(3600)));
        Store first = store(10, credential -> CredentialValidationResult.NOT_VALIDATED_RESULT);
        Store third = store(30, credential -> CredentialValidationResult.INVALID_RESULT);

        CredentialValidationResult result = CachingIdentityStoreHandler.validate(new BearerToken("t"), registered);

        assertThat(result.getStatus()).isEqualTo(Status.VALID);
        assertThat(List.of(first.calls, second.calls, third.calls)).containsExactly(1, 1, 0);
    }

    @Test
    void noStoreValidatingIsInvalidIfOneRefusedAndNotValidatedOtherwise() {
        store(10, credential -> CredentialValidationResult.NOT_VALIDATED_RESULT);
        assertThat(CachingIdentityStoreHandler.validate(new BearerToken("t"), registered))
                .isSameAs(CredentialValidationResult.NOT_VALIDATED_RESULT);

        store(20, credential -> CredentialValidationResult.INVALID_RESULT);
        assertThat(CachingIdentityStoreHandler.validate(new BearerToken("t"), registered))
                .isSameAs(CredentialValidationResult.INVALID_RESULT);
    }

    @Test
    void groupsComeFromTheValidatingStoreAndTheGroupOnlyStores() {
        store(10, credential -> new CredentialValidationResult(new CallerPrincipal("cli_1"), Set.of("merchant")));
        Store groupsOnly = store(20, credential -> null);
        groupsOnly.types = EnumSet.of(ValidationType.PROVIDE_GROUPS);
        groupsOnly.groups = Set.of("support");

        CredentialValidationResult result = CachingIdentityStoreHandler.validate(new BearerToken("t"), registered);

        assertThat(result.getCallerPrincipal().getName()).isEqualTo("cli_1");
        assertThat(result.getCallerGroups()).containsExactlyInAnyOrder("merchant", "support");
        assertThat(groupsOnly.calls).isZero();
    }

    // ------------------------------------------------------------------------------------------

    private Store store(int priority, Function<Credential, CredentialValidationResult> answer) {
        Store store = new Store(priority, answer);
        registered.add(store);
        return store;
    }

    private static CredentialValidationResult valid(Credential credential, Instant expiresAt) {
        return new CredentialValidationResult(new Token("cli_1", expiresAt), Set.of("merchant"));
    }

    /** Shaped like MicroProfile JWT's credential: the compact token behind {@code getSignedJWT()}. */
    public static final class BearerToken implements Credential {
        private final String signedJwt;

        BearerToken(String signedJwt) {
            this.signedJwt = signedJwt;
        }

        public String getSignedJWT() {
            return signedJwt;
        }
    }

    private static final class Token extends CallerPrincipal implements JsonWebToken {
        private final Map<String, Object> claims;

        Token(String name, Instant expiresAt) {
            super(name);
            claims = Map.of("exp", expiresAt.getEpochSecond());
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    private static final class Store implements IdentityStore {
        private final int priority;
        private final Function<Credential, CredentialValidationResult> answer;
        Set<ValidationType> types = EnumSet.allOf(ValidationType.class);
        Set<String> groups = Set.of();
        int calls;

        Store(int priority, Function<Credential, CredentialValidationResult> answer) {
            this.priority = priority;
            this.answer = answer;
        }

        @Override
        public CredentialValidationResult validate(Credential credential) {
            calls++;
            return answer.apply(credential);
        }

        @Override
        public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
            return groups;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Set<ValidationType> validationTypes() {
            return types;
        }
    }
}
