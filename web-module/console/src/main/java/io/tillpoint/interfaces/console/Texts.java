package io.tillpoint.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's texts in the view's language ({@code messages*.properties}). */
@RequestScoped
public class Texts {

    static final String BUNDLE = "io.tillpoint.interfaces.console.messages";

    @Inject
    FacesContext faces;

    public String get(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot() != null
                ? faces.getViewRoot().getLocale() : faces.getExternalContext().getRequestLocale());
        try {
            String text = bundle.getString(key);
            return args.length == 0 ? text : MessageFormat.format(text, args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
