package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.interfaces.rest.RoleGuard.Verdict;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Contract, "Auth": no valid token is 401; a token without the endpoint's role is 403. */
class RoleGuardTest {

    private final RoleGuard.Check merchantsOnly = new RoleGuard.Check(List.of(Roles.MERCHANT));

    @Test
    void aRequestWithoutAVerifiedTokenIs401() {
        assertThat(merchantsOnly.verdictFor(requestBy(null))).isEqualTo(Verdict.UNAUTHENTICATED);
        assertThat(merchantsOnly.verdictFor(null)).isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void aTokenWithoutTheRoleIs403() {
        assertThat(merchantsOnly.verdictFor(requestBy(token(Set.of(Roles.PLATFORM_ADMIN))))).isEqualTo(Verdict.FORBIDDEN);
        assertThat(merchantsOnly.verdictFor(requestBy(token(null)))).isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void aTokenWithOneOfTheRolesPasses() {
        assertThat(merchantsOnly.verdictFor(requestBy(token(Set.of("other", Roles.MERCHANT))))).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void denyAllRefusesEvenAVerifiedCaller() {
        RoleGuard.Check nobody = new RoleGuard.Check(List.of());
        assertThat(nobody.verdictFor(requestBy(token(Set.of(Roles.MERCHANT))))).isEqualTo(Verdict.FORBIDDEN);
    }

    private static JsonWebToken token(Set<String> groups) {
        return (JsonWebToken) Proxy.newProxyInstance(RoleGuardTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getGroups" -> groups;
                    case "getName" -> "cli_test";
                    default -> null;
                });
    }

    private static SecurityContext requestBy(Principal caller) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                throw new AssertionError("roles come from the token's groups");
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "MP-JWT";
            }
        };
    }
}
