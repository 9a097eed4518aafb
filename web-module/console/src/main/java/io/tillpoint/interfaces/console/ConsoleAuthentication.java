package io.tillpoint.interfaces.console;

import io.tillpoint.application.ConsoleSignIn;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The console's form sign-in, against the console users in the database ({@link ConsoleSignIn}:
 * slow hash, lock-out, new addresses). The sign-in page hands the credential over through
 * {@code SecurityContext.authenticate}; once signed in, the session carries the caller
 * ({@link AutoApplySession}). A protected page without a session is sent to the sign-in page.
 * <p>
 * {@code @Alternative @Priority}: the API WAR of the same EAR brings MicroProfile JWT's mechanism,
 * which is visible EAR-wide; without the priority, Weld finds two mechanisms here and every request
 * fails (see troubleshooting). Bean classes of this WAR are not visible to the API.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
@AutoApplySession
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    /** Request attribute: how a refused sign-in went ({@link ConsoleSignIn.Outcome}). */
    static final String OUTCOME = "tillpoint.console.sign-in-outcome";
    /** Session attribute: the sign-in came from an address not seen before. */
    static final String NEW_ADDRESS = "tillpoint.console.new-address";

    @EJB
    ConsoleSignIn signIn;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential form) {
            ConsoleSignIn.Result result = signIn.signIn(form.getCaller(), form.getPasswordAsString(),
                    request.getRemoteAddr());
            if (!result.signedIn()) {
                request.setAttribute(OUTCOME, result.outcome());
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            request.getSession().setAttribute(NEW_ADDRESS, result.newAddress());
            return context.notifyContainerAboutLogin(result.username(), Set.of(result.role().wire()));
        }
        if (context.isProtected()) {
            return toSignInPage(request, response, context);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus toSignInPage(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String target = request.getContextPath() + "/login.xhtml";
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An Ajax request after the session ended: Faces follows a redirect only in its own answer.
            try {
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + target + "\"/></partial-response>");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(target);
    }
}
