package io.tillpoint.interfaces.console;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie is {@code SameSite=Strict}: a browser sends it with no request that
 * another site starts, so a forged form post arrives without a session. Set here, through Servlet
 * 6's {@code SessionCookieConfig.setAttribute}, because Payara's web.xml reader skips the
 * descriptor's {@code <attribute>} (see troubleshooting).
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Strict");
    }
}
