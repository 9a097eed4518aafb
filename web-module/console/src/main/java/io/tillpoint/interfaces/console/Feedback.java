package io.tillpoint.interfaces.console;

import io.tillpoint.domain.shared.DomainException;
import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a backing bean's call of an application service and turns the outcome into a message for
 * the page: what was done, or what the service refused and why (a domain rule's own words), never
 * a stack trace.
 */
@RequestScoped
public class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    /** The call's result, or null when it was refused (the message says why). */
    public <T> T attempt(Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException e) {
            error(e);
        } catch (EJBException e) {
            if (e.getCause() instanceof DomainException d) {
                error(d);
            } else {
                LOG.log(Level.WARNING, "console action failed", e);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("error.unexpected"), ""));
            }
        }
        faces.validationFailed();
        return null;
    }

    public void info(String key, Object... args) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, texts.get(key, args), ""));
    }

    private void error(DomainException e) {
        String detail = e instanceof InvalidInputException i ? i.param() + " " + i.getMessage() : e.getMessage();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("error.refused"), detail));
    }
}
