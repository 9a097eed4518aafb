package io.tillpoint.interfaces.rest;

import io.tillpoint.application.MerchantSuspendedException;
import io.tillpoint.domain.model.access.AccessVerdict;
import io.tillpoint.domain.model.access.AuthFailureReason;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.function.Function;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The API's authentication: MicroProfile JWT's bearer-token mechanism, as Payara's does it, as
 * a Jakarta Authentication module of the API's own.
 *
 * <p>The token in {@code Authorization: Bearer} goes as MicroProfile JWT's credential to the
 * identity store handler, whose MicroProfile JWT store verifies it (signature, issuer, expiry:
 * the server's {@code mp.jwt.verify.*} configuration); the verified token becomes the caller
 * (a {@code JsonWebToken}) with its groups. No token: the request goes on with nobody signed
 * in, and the resources' role check answers 401. A token that does not verify: 401 here.
 *
 * <p>Right after the token verifies, its caller is checked against what this instance knows of
 * revocations ({@code AccessControl}, from memory, at most a second behind the database): a
 * revoked client is 401, a suspended merchant 403 {@code merchant_suspended}, whatever the
 * token's remaining lifetime. Every refusal is written to the security log ({@link AuthFailures})
 * with the source address and the reason, never the token.
 *
 * <p>Why not the server's own path to the same mechanism: Jakarta Security's bridge module looks
 * the mechanism bean up through JNDI and CDI on every request (a new naming context and a
 * {@code NamingException} built each time), and Payara's mechanism then looks the identity store
 * handler up through {@code CDI.current()}, a stack walk: 11 % of the server's CPU per payment,
 * for what takes 1 % here (see the README's Troubleshooting).
 */
final class BearerTokenModule implements ServerAuthModule {

    private static final String BEARER = "Bearer ";
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    /** The request attribute that tells the problem page which code a refusal has (see {@link ProblemServlet}). */
    static final String PROBLEM_CODE = "tillpoint.problem.code";
    static final String PROBLEM_DETAIL = "tillpoint.problem.detail";

    /** Whether a verified caller may still act. */
    interface AccessCheck {
        AccessVerdict verdictFor(Principal caller);
    }

    /** Why a token was refused, for the log. */
    interface RefusalReasons {
        AuthFailureReason of(String token);
    }

    private final IdentityStoreHandler identityStores;
    private final Function<String, Credential> credentialOf;
    private final AccessCheck access;
    private final RefusalReasons refusals;
    private CallbackHandler container;

    /**
     * @param identityStores the API's identity store handler
     * @param credentialOf MicroProfile JWT's credential for a compact token
     * @param access the revocation check for a verified caller
     * @param refusals the reason a token was refused
     */
    BearerTokenModule(IdentityStoreHandler identityStores, Function<String, Credential> credentialOf, AccessCheck access,
            RefusalReasons refusals) {
        this.identityStores = identityStores;
        this.credentialOf = credentialOf;
        this.access = access;
        this.refusals = refusals;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        String token = bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            return Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))
                    ? unauthorized(message) : AuthStatus.SUCCESS;
        }
        CredentialValidationResult result = identityStores.validate(credentialOf.apply(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            AuthFailures.bearerToken(refusals.of(token), null, request.getRemoteAddr());
            return unauthorized(message);
        }
        Principal caller = result.getCallerPrincipal();
        AccessVerdict verdict = access.verdictFor(caller);
        if (verdict == AccessVerdict.CLIENT_REVOKED) {
            AuthFailures.bearerToken(AuthFailureReason.CLIENT_REVOKED, caller.getName(), request.getRemoteAddr());
            return unauthorized(message);
        }
        if (verdict == AccessVerdict.MERCHANT_SUSPENDED) {
            AuthFailures.bearerToken(AuthFailureReason.MERCHANT_SUSPENDED, caller.getName(), request.getRemoteAddr());
            request.setAttribute(PROBLEM_CODE, MerchantSuspendedException.CODE);
            request.setAttribute(PROBLEM_DETAIL, MerchantSuspendedException.DETAIL);
            return refuse(message, HttpServletResponse.SC_FORBIDDEN);
        }
        client.getPrincipals().add(caller);
        handle(new CallerPrincipalCallback(client, caller),
                new GroupPrincipalCallback(client, result.getCallerGroups().toArray(String[]::new)));
        return AuthStatus.SUCCESS;
    }

    /** The compact token of an {@code Authorization: Bearer} header; null without one. */
    static String bearerToken(String authorization) {
        // The scheme is case-insensitive (RFC 9110, 11.1): "bearer" and "BEARER" are Bearer too.
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** 401 (the API's problem+json error page answers it); the server sends what the module wrote. */
    private static AuthStatus unauthorized(MessageInfo message) throws AuthException {
        return refuse(message, HttpServletResponse.SC_UNAUTHORIZED);
    }

    private static AuthStatus refuse(MessageInfo message, int status) throws AuthException {
        try {
            ((HttpServletResponse) message.getResponseMessage()).sendError(status);
        } catch (IOException e) {
            throw authException("could not answer " + status, e);
        }
        return AuthStatus.SEND_FAILURE;
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            container.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw authException("the server refused the caller", e);
        }
    }

    private static AuthException authException(String message, Exception cause) {
        AuthException e = new AuthException(message);
        e.initCause(cause);
        return e;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }
}
