package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerTest {

    private final AtomicInteger claimReads = new AtomicInteger();

    @Test
    void a_merchant_token_names_the_client_and_its_merchant() {
        Caller caller = Caller.of(signedInAs(token("cli_1", "mer_1")));

        assertThat(caller).isEqualTo(new Caller("cli_1", "mer_1"));
        assertThat(caller.idempotencyScope()).isEqualTo("mer_1");
    }

    @Test
    void a_platform_token_has_no_merchant_and_scopes_keys_to_its_client() {
        Caller caller = Caller.of(signedInAs(token("platform", null)));

        assertThat(caller.merchantId()).isNull();
        assertThat(caller.idempotencyScope()).isEqualTo("client:platform");
    }

    @Test
    void nobody_signed_in_is_no_caller() {
        assertThat(Caller.of(signedInAs(null))).isNull();
    }

    @Test
    void a_request_reads_the_merchant_claim_once_however_often_it_asks() {
        HttpServletRequest request = request();
        SecurityContext security = signedInAs(token("cli_1", "mer_1"));

        assertThat(Caller.merchantOf(request, security)).isEqualTo("mer_1");
        assertThat(Caller.merchantOf(request, security)).isEqualTo("mer_1");
        assertThat(Caller.merchantOf(request, security)).isEqualTo("mer_1");

        assertThat(claimReads).hasValue(1);
        assertThat(request.getAttribute(Caller.PROPERTY)).isEqualTo(new Caller("cli_1", "mer_1"));
    }

    @Test
    void the_merchant_claim_is_read_once_per_token_however_many_requests_carry_it() {
        JsonWebToken token = token("cli_1", "mer_1");

        for (int i = 0; i < 3; i++) {
            assertThat(Caller.merchantOf(request(), signedInAs(token))).isEqualTo("mer_1");
        }

        assertThat(claimReads).hasValue(1);
    }

    @Test
    void another_request_reads_its_own_token() {
        assertThat(Caller.merchantOf(request(), signedInAs(token("cli_1", "mer_1")))).isEqualTo("mer_1");
        assertThat(Caller.merchantOf(request(), signedInAs(token("cli_2", "mer_2")))).isEqualTo("mer_2");
        assertThat(claimReads).hasValue(2);
    }

    /** A verified token: its compact form is new for every token made here. */
    private JsonWebToken token(String client, String merchant) {
        String compact = "eyJ." + UUID.randomUUID() + ".sig";
        return (JsonWebToken) Proxy.newProxyInstance(CallerTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> client;
                    case "getRawToken" -> compact;
                    case "getClaim" -> {
                        claimReads.incrementAndGet();
                        yield "merchant_id".equals(args[0]) && merchant != null ? Json.createValue(merchant) : null;
                    }
                    default -> null;
                });
    }

    /** A servlet request that keeps attributes, as the container's does for one request. */
    private static HttpServletRequest request() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(CallerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new AssertionError("unexpected " + method.getName());
                });
    }

    private static SecurityContext signedInAs(Principal principal) {
        return (SecurityContext) Proxy.newProxyInstance(CallerTest.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserPrincipal" -> principal;
                    default -> throw new AssertionError("unexpected " + method.getName());
                });
    }
}
