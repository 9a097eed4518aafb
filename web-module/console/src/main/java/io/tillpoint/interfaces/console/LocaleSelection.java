package io.tillpoint.interfaces.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The console's language: the browser's (English or Simplified Chinese) until switched. */
@Named("locale")
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Locale chosen;

    public Locale getCurrent() {
        if (chosen != null) {
            return chosen;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale calculated = faces.getApplication().getViewHandler().calculateLocale(faces);
        return "zh".equals(calculated.getLanguage()) ? CHINESE : Locale.ENGLISH;
    }

    public String getLanguageTag() {
        return getCurrent().toLanguageTag();
    }

    public boolean isChinese() {
        return "zh".equals(getCurrent().getLanguage());
    }

    /** Switches between English and Chinese and shows the same page again. */
    public void toggle() {
        chosen = isChinese() ? Locale.ENGLISH : CHINESE;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen);
    }
}
