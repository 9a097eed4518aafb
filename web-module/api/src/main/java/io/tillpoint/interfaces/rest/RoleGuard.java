package io.tillpoint.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on the API's
 * resources: no verified token is 401, a token without one of the roles is 403. The token
 * itself is verified before, by MicroProfile JWT; a role is a value of its {@code groups}
 * claim (the roles map one to one to groups in glassfish-web.xml).
 *
 * <p>Payara's own JAX-RS role filter is switched off in glassfish-web.xml
 * ({@code jaxrs-roles-allowed-enabled}): it asks the Jakarta Security context for the caller,
 * which probes for JBoss, GlassFish and WebLogic subjects by reflection on every request and
 * cost about 6 % of the CPU per payment. The rules are the same.
 */
@Provider
public class RoleGuard implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(List.of()));
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(List.of(method.getAnnotation(RolesAllowed.class).value())));
        } else if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        } else if (type.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(List.of()));
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(List.of(type.getAnnotation(RolesAllowed.class).value())));
        }
    }

    /** 401, 403, or go ahead. */
    enum Verdict { UNAUTHENTICATED, FORBIDDEN, ALLOWED }

    /** One resource method's rule: the caller needs a verified token with one of {@code roles}. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            switch (verdictFor(request.getSecurityContext())) {
                case UNAUTHENTICATED -> throw new NotAuthorizedException("Bearer");
                case FORBIDDEN -> throw new ForbiddenException();
                case ALLOWED -> { }
            }
        }

        Verdict verdictFor(SecurityContext security) {
            Principal caller = security == null ? null : security.getUserPrincipal();
            if (caller == null) {
                return Verdict.UNAUTHENTICATED;
            }
            for (String role : roles) {
                if (hasRole(caller, security, role)) {
                    return Verdict.ALLOWED;
                }
            }
            return Verdict.FORBIDDEN;
        }

        private static boolean hasRole(Principal caller, SecurityContext security, String role) {
            if (caller instanceof JsonWebToken jwt) {
                Set<String> groups = jwt.getGroups();
                return groups != null && groups.contains(role);
            }
            return security.isUserInRole(role);
        }
    }
}
