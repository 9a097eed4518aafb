package io.tillpoint.interfaces.console;

import io.tillpoint.application.ConsoleSignIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in form and the sign-out: hands the credential to {@link ConsoleAuthentication}. */
@Named("signIn")
@RequestScoped
public class SignInBean {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String username;
    private String password;

    public void signIn() throws IOException {
        ExternalContext ext = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                new Password(password == null ? "" : password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            ext.redirect(ext.getRequestContextPath() + "/dashboard.xhtml");
            return;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
            return;
        }
        Object outcome = request.getAttribute(ConsoleAuthentication.OUTCOME);
        String key = outcome == ConsoleSignIn.Outcome.LOCKED_OUT ? "signin.locked"
                : outcome == ConsoleSignIn.Outcome.DISABLED ? "signin.disabled" : "signin.wrong";
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get(key), ""));
    }

    public void signOut() throws IOException {
        ExternalContext ext = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            // Signed out anyway: the session ends below.
        }
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
