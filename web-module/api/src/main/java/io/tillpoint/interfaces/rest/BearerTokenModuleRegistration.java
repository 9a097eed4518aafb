package io.tillpoint.interfaces.rest;

import io.tillpoint.application.AccessControl;
import io.tillpoint.application.TokenSettings;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Puts {@link BearerTokenModule} in front of the API when it starts. It takes the place Jakarta
 * Security's bridge module registered for this web module (a later registration for the same
 * application context replaces an earlier one); {@code @LoginConfig(authMethod = "MP-JWT")} still
 * brings MicroProfile JWT's identity store, which verifies the tokens.
 */
@WebListener
public class BearerTokenModuleRegistration implements ServletContextListener {

    /** MicroProfile JWT's credential in Payara: what its identity store verifies. */
    static final String CREDENTIAL_CLASS = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

    private static final Logger LOG = Logger.getLogger(BearerTokenModuleRegistration.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AccessControl access;

    @Inject
    TokenSettings tokens;

    private String registration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        BearerTokenModule module = new BearerTokenModule(identityStores,
                credentialFactory(Thread.currentThread().getContextClassLoader()),
                principal -> {
                    Caller caller = Caller.of(principal);
                    return access.verdictFor(caller.clientId(), caller.merchantId());
                },
                token -> TokenInspection.reasonRefused(token, java.time.Instant.now(), tokens.audience(), access::acceptsKey));
        registration = AuthConfigFactory.getFactory().registerServerAuthModule(module, event.getServletContext());
        LOG.fine(() -> "bearer-token module registered as " + registration);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (registration != null) {
            AuthConfigFactory.getFactory().removeRegistration(registration);
        }
    }

    /**
     * MicroProfile JWT's credential for a compact token, by the server's public constructor.
     * Fails the deployment when the server has none: without it no token could be verified.
     */
    static Function<String, Credential> credentialFactory(ClassLoader loader) {
        MethodHandle constructor;
        try {
            Class<?> type = Class.forName(CREDENTIAL_CLASS, true, loader);
            if (!Credential.class.isAssignableFrom(type)) {
                throw new ClassNotFoundException(CREDENTIAL_CLASS + " is not a Jakarta Security credential");
            }
            constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, String.class))
                    .asType(MethodType.methodType(Credential.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this server has no MicroProfile JWT credential (" + CREDENTIAL_CLASS
                    + "): the API cannot verify bearer tokens", e);
        }
        return token -> {
            try {
                return (Credential) constructor.invokeExact(token);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("could not build a MicroProfile JWT credential", e);
            }
        };
    }
}
