package io.tillpoint.interfaces.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource (its class, or one method): a verified token whose {@code groups}
 * claim holds one of these roles. {@link RoleGuard} enforces it: no verified token is 401,
 * a token without the role is 403.
 *
 * <p>Why not {@code @RolesAllowed}: on a JAX-RS resource, Payara adds its own role filter for
 * that annotation, and in an EAR its switch ({@code jaxrs-roles-allowed-enabled} in
 * glassfish-web.xml) is ignored. That filter asks the Jakarta Security context for the caller,
 * which probes JBoss, GlassFish and WebLogic subjects by reflection on every request: about
 * 4 % of the CPU per payment, to repeat the check this guard makes from the token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {

    /** One of these is enough. */
    String[] value();
}
