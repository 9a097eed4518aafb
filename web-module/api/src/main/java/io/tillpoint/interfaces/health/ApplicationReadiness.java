package io.tillpoint.interfaces.health;

import io.tillpoint.interfaces.lifecycle.ServiceState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the API takes requests: not before its start-up work is done (Payara lists
 * the application's checks, the database's UP, a few seconds before the web module answers), and
 * not once it stops.
 */
@Readiness
@ApplicationScoped
public class ApplicationReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        ServiceState.Phase phase = ServiceState.current().phase();
        return HealthCheckResponse.named("application").status(phase == ServiceState.Phase.READY)
                .withData("state", phase.name().toLowerCase(java.util.Locale.ROOT)).build();
    }
}
