package io.tillpoint.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
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
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enforces {@link RequiresRole}, {@code @PermitAll} and {@code @DenyAll} on the API's
 * resources (a method's annotation first, then its class's): no verified token is 401, a token
 * without one of the roles is 403. The token itself is verified before, by MicroProfile JWT; a
 * role is a value of its {@code groups} claim (the roles map one to one to groups in
 * glassfish-web.xml).
 *
 * <p>Every resource of ours says who may call it (a unit test checks it), so that no endpoint
 * is public by omission.
 */
@Provider
public class RoleGuard implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        ruleFor(resource.getResourceMethod(), resource.getResourceClass()).ifPresent(context::register);
    }

    /**
     * The check a resource method needs: what the method declares, else what its class
     * declares. Empty when anybody may call it ({@code @PermitAll}) and for what declares
     * nothing, such as the OPTIONS answers Jersey adds itself.
     */
    static Optional<Check> ruleFor(Method method, Class<?> type) {
        for (AnnotatedElement element : List.of(method, type)) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return Optional.of(Check.NOBODY);
            }
            if (element.isAnnotationPresent(RequiresRole.class)) {
                return Optional.of(new Check(List.of(element.getAnnotation(RequiresRole.class).value())));
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** 401, 403, or go ahead. */
    enum Verdict { UNAUTHENTICATED, FORBIDDEN, ALLOWED }

    /** One resource method's rule: the caller needs a verified token with one of {@code roles}. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        static final Check NOBODY = new Check(List.of());

        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        List<String> roles() {
            return roles;
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
