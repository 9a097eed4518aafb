package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.model.access.AccessVerdict;
import io.tillpoint.domain.model.access.AuthFailureReason;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import javax.security.auth.callback.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API's bearer-token authentication: what MicroProfile JWT's mechanism decides, told to the
 * server through Jakarta Authentication's callbacks.
 */
class BearerTokenModuleTest {

    private final List<String> asked = new ArrayList<>();
    private final List<Callback> told = new ArrayList<>();
    private final List<Integer> errorsSent = new ArrayList<>();
    private final Subject client = new Subject();
    private final CallerPrincipal merchant = new CallerPrincipal("cli_merchant");

    private final Map<String, Object> attributes = new HashMap<>();
    private final List<String> logged = new ArrayList<>();
    private AccessVerdict verdict = AccessVerdict.ALLOWED;

    private final BearerTokenModule module = new BearerTokenModule(credential -> {
        String token = ((Token) credential).compact();
        asked.add(token);
        return token.equals("eyJ.good.sig")
                ? new CredentialValidationResult(merchant, Set.of(Roles.MERCHANT))
                : CredentialValidationResult.INVALID_RESULT;
    }, Token::new, caller -> verdict, token -> AuthFailureReason.EXPIRED);

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listenToTheSecurityLog() {
        AuthFailures.LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        AuthFailures.LOG.removeHandler(capture);
    }

    @BeforeEach
    void initialize() throws Exception {
        module.initialize(null, null, callbacks -> told.addAll(List.of(callbacks)), Map.of());
    }

    @Test
    void aVerifiedTokenSignsItsCallerInWithItsGroups() throws Exception {
        AuthStatus status = module.validateRequest(message("Bearer eyJ.good.sig", false), client, null);

        assertThat(status).isEqualTo(AuthStatus.SUCCESS);
        assertThat(asked).containsExactly("eyJ.good.sig");
        assertThat(told).hasSize(2);
        assertThat(((CallerPrincipalCallback) told.get(0)).getPrincipal()).isSameAs(merchant);
        assertThat(((CallerPrincipalCallback) told.get(0)).getSubject()).isSameAs(client);
        assertThat(((GroupPrincipalCallback) told.get(1)).getGroups()).containsExactly(Roles.MERCHANT);
        assertThat(client.getPrincipals()).contains(merchant);
        assertThat(errorsSent).isEmpty();
    }

    @Test
    void aTokenThatDoesNotVerifyIs401AndLoggedWithItsReasonAndSourceButNotTheToken() throws Exception {
        AuthStatus status = module.validateRequest(message("Bearer eyJ.forged.sig", false), client, null);

        assertThat(status).isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(errorsSent).containsExactly(401);
        assertThat(told).isEmpty();
        assertThat(client.getPrincipals()).isEmpty();
        assertThat(logged).singleElement().asString()
                .contains("reason=expired").contains("ip=\"203.0.113.7\"").doesNotContain("eyJ");
    }

    @Test
    void aVerifiedTokenOfARevokedClientIs401() throws Exception {
        verdict = AccessVerdict.CLIENT_REVOKED;

        AuthStatus status = module.validateRequest(message("Bearer eyJ.good.sig", false), client, null);

        assertThat(status).isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(errorsSent).containsExactly(401);
        assertThat(told).isEmpty();
        assertThat(client.getPrincipals()).isEmpty();
        assertThat(logged).singleElement().asString().contains("reason=revoked").contains("client_id=\"cli_merchant\"");
    }

    @Test
    void aVerifiedTokenOfASuspendedMerchantIs403MerchantSuspended() throws Exception {
        verdict = AccessVerdict.MERCHANT_SUSPENDED;

        AuthStatus status = module.validateRequest(message("Bearer eyJ.good.sig", false), client, null);

        assertThat(status).isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(errorsSent).containsExactly(403);
        assertThat(attributes).containsEntry(BearerTokenModule.PROBLEM_CODE, "merchant_suspended");
        assertThat(told).isEmpty();
        assertThat(logged).singleElement().asString().contains("reason=suspended");
    }

    @Test
    void noTokenGoesOnWithNobodySignedIn() throws Exception {
        AuthStatus status = module.validateRequest(message(null, false), client, null);

        assertThat(status).isEqualTo(AuthStatus.SUCCESS);
        assertThat(asked).isEmpty();
        assertThat(told).isEmpty();
        assertThat(errorsSent).isEmpty();
    }

    @Test
    void noTokenWhereOneIsMandatoryIs401() throws Exception {
        AuthStatus status = module.validateRequest(message(null, true), client, null);

        assertThat(status).isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(errorsSent).containsExactly(401);
    }

    @Test
    void theBearerSchemeInAnyCaseWithATokenGivesTheTokenAndNothingElseDoes() {
        assertThat(BearerTokenModule.bearerToken("Bearer eyJ.a.sig")).isEqualTo("eyJ.a.sig");
        assertThat(BearerTokenModule.bearerToken("Basic Y2xpOnNlY3JldA==")).isNull();
        assertThat(BearerTokenModule.bearerToken("Bearer ")).isNull();
        assertThat(BearerTokenModule.bearerToken("Bearer    ")).isNull();
        assertThat(BearerTokenModule.bearerToken("bearereyJ")).isNull();
        assertThat(BearerTokenModule.bearerToken("bearer eyJ.a.sig")).as("the scheme is case-insensitive").isEqualTo("eyJ.a.sig");
        assertThat(BearerTokenModule.bearerToken("BEARER eyJ.a.sig")).isEqualTo("eyJ.a.sig");
        assertThat(BearerTokenModule.bearerToken(null)).isNull();
    }

    @Test
    void cleaningTheSubjectForgetsTheCaller() throws Exception {
        module.validateRequest(message("Bearer eyJ.good.sig", false), client, null);

        module.cleanSubject(null, client);

        assertThat(client.getPrincipals()).isEmpty();
    }

    @Test
    void theCredentialIsMicroProfileJwtsOwnBuiltFromTheToken() {
        Credential credential = BearerTokenModuleRegistration.credentialFactory(getClass().getClassLoader())
                .apply("eyJ.a.sig");

        assertThat(credential.getClass().getName()).isEqualTo(BearerTokenModuleRegistration.CREDENTIAL_CLASS);
        assertThat(CachingIdentityStoreHandler.compactToken(credential)).isEqualTo("eyJ.a.sig");
    }

    @Test
    void aServerWithoutMicroProfileJwtsCredentialFailsTheStart() {
        ClassLoader withoutIt = new ClassLoader(null) { };

        assertThatThrownBy(() -> BearerTokenModuleRegistration.credentialFactory(withoutIt))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BearerTokenModuleRegistration.CREDENTIAL_CLASS);
    }

    private MessageInfo message(String authorization, boolean mandatory) {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "Authorization".equals(args[0]) ? authorization : null;
                    case "getRemoteAddr" -> "203.0.113.7";
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new AssertionError("unexpected " + method.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendError" -> errorsSent.add((Integer) args[0]);
                    default -> throw new AssertionError("unexpected " + method.getName());
                });
        Map<String, Object> map = new HashMap<>();
        if (mandatory) {
            map.put("jakarta.security.auth.message.MessagePolicy.isMandatory", "true");
        }
        return new MessageInfo() {
            @Override
            public Object getRequestMessage() {
                return request;
            }

            @Override
            public Object getResponseMessage() {
                return response;
            }

            @Override
            public void setRequestMessage(Object message) {
                throw new AssertionError("the module keeps the request");
            }

            @Override
            public void setResponseMessage(Object message) {
                throw new AssertionError("the module keeps the response");
            }

            @Override
            @SuppressWarnings("rawtypes")
            public Map getMap() {
                return map;
            }
        };
    }

    /** A bearer-token credential as the identity store handler receives it. */
    private record Token(String compact) implements Credential {
    }
}
