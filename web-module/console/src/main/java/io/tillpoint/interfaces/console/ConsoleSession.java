package io.tillpoint.interfaces.console;

import io.tillpoint.application.ConsoleSignIn;
import io.tillpoint.application.ConsoleUsers;
import io.tillpoint.domain.model.console.ConsoleAction;
import io.tillpoint.domain.model.console.ConsoleCaller;
import io.tillpoint.domain.model.console.ConsoleRole;
import io.tillpoint.domain.model.console.NotPermittedException;
import io.tillpoint.domain.model.console.SignInOrigin;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

/**
 * Who is signed in, for this request: the user and the role the database says now (a changed or
 * disabled user takes effect at the next request, not at the next sign-in), as the
 * {@link ConsoleCaller} every application service is called with. Views ask {@link #may} what to show.
 */
@Named("console")
@RequestScoped
public class ConsoleSession {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @EJB
    ConsoleSignIn signIn;

    @EJB
    ConsoleUsers users;

    @Inject
    Texts texts;

    private ConsoleCaller caller;
    private List<SignInOrigin> newAddresses;

    public ConsoleCaller caller() {
        if (caller == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                throw new NotPermittedException(ConsoleRole.SUPPORT, ConsoleAction.VIEW_DASHBOARD);
            }
            ConsoleRole role = signIn.currentRole(principal.getName())
                    .orElseThrow(() -> new NotPermittedException(ConsoleRole.SUPPORT, ConsoleAction.VIEW_DASHBOARD));
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            caller = new ConsoleCaller(principal.getName(), role, request.getRemoteAddr(), "con_" + UUID.randomUUID());
        }
        return caller;
    }

    public String text(String key) {
        return texts.get(key);
    }

    public boolean may(String action) {
        return caller().role().may(ConsoleAction.valueOf(action));
    }

    public String getUsername() {
        return caller().username();
    }

    public String getRole() {
        return caller().role().wire();
    }

    /** Addresses this user first signed in from since they last looked: shown until dismissed. */
    public List<SignInOrigin> getNewAddresses() {
        if (newAddresses == null) {
            newAddresses = users.newAddresses(caller());
        }
        return newAddresses;
    }

    public void dismissNewAddresses() {
        users.newAddressesSeen(caller());
        newAddresses = List.of();
    }
}
