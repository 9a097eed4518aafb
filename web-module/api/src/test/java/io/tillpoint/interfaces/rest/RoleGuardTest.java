package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.interfaces.rest.RoleGuard.Verdict;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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

    @Test
    void aMethodsOwnRuleComesBeforeItsClasss() throws NoSuchMethodException {
        assertThat(rolesFor(MerchantResource.class, "list")).contains(List.of(Roles.MERCHANT));
        assertThat(rolesFor(MerchantResource.class, "onboard")).contains(List.of(Roles.PLATFORM_ADMIN));
        assertThat(rolesFor(MerchantResource.class, "health")).isEmpty();
        assertThat(rolesFor(MerchantResource.class, "retired")).contains(List.of());
    }

    @Test
    void aPublicResourceNeedsNoToken() throws NoSuchMethodException {
        assertThat(rolesFor(PublicResource.class, "token")).isEmpty();
    }

    /** No endpoint is public by omission, and none wakes Payara's own (costly) role filter. */
    @Test
    void everyResourceOfOursSaysWhoMayCallIt() throws IOException, URISyntaxException {
        List<String> silent = new ArrayList<>();
        List<String> rolesAllowed = new ArrayList<>();
        List<Class<?>> resources = resourceClasses();
        assertThat(resources).contains(PaymentResource.class, TokenResource.class, AdminMerchantResource.class);
        for (Class<?> type : resources) {
            if (type.isAnnotationPresent(RolesAllowed.class)) {
                rolesAllowed.add(type.getSimpleName());
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(RolesAllowed.class)) {
                    rolesAllowed.add(type.getSimpleName() + "." + method.getName());
                }
                if (isEndpoint(method) && !declaresCallers(method) && !declaresCallers(type)) {
                    silent.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(silent).as("endpoints that say nothing about their callers").isEmpty();
        assertThat(rolesAllowed).as("use @RequiresRole, not @RolesAllowed").isEmpty();
    }

    private static Optional<List<String>> rolesFor(Class<?> type, String method) throws NoSuchMethodException {
        return RoleGuard.ruleFor(type.getDeclaredMethod(method), type).map(RoleGuard.Check::roles);
    }

    private static boolean isEndpoint(Method method) {
        return Stream.of(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static boolean declaresCallers(AnnotatedElement element) {
        return Stream.<Class<? extends Annotation>>of(RequiresRole.class, PermitAll.class, DenyAll.class)
                .anyMatch(element::isAnnotationPresent);
    }

    /** The compiled classes of this package that carry {@code @Path}. */
    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
        String pkg = RoleGuard.class.getPackageName();
        return CompiledClasses.besides(RoleGuard.class).stream()
                .filter(type -> type.getPackageName().equals(pkg) && type.isAnnotationPresent(Path.class))
                .toList();
    }

    @RequiresRole(Roles.MERCHANT)
    static class MerchantResource {
        @GET
        public void list() {
        }

        @POST
        @RequiresRole(Roles.PLATFORM_ADMIN)
        public void onboard() {
        }

        @GET
        @PermitAll
        public void health() {
        }

        @POST
        @DenyAll
        public void retired() {
        }
    }

    @PermitAll
    static class PublicResource {
        @POST
        public void token() {
        }
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
