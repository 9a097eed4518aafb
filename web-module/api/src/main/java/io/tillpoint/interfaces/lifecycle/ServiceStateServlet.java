package io.tillpoint.interfaces.lifecycle;

import jakarta.servlet.http.HttpServlet;

/**
 * Opens and closes the API with the web module's own life cycle. It has no URL; web.xml loads it
 * on start-up after every other servlet (the JAX-RS servlet loads first, with load-on-startup 1),
 * so its {@code init} says that the start-up work is done: the EJB module's start-up singletons
 * (schema migration, bootstrap) ran before the web module started, and JAX-RS is initialized. Its
 * {@code destroy} comes when the container unloads the module (an undeploy, a redeploy, a stop
 * that the launcher did not announce): from then on new requests are answered 503.
 */
public class ServiceStateServlet extends HttpServlet {

    @Override
    public void init() {
        ServiceState.current().markReady();
    }

    @Override
    public void destroy() {
        ServiceState.current().markStopping();
    }
}
