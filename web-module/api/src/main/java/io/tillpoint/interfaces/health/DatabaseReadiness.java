package io.tillpoint.interfaces.health;

import io.tillpoint.application.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers a query within two seconds. {@code /health} is public,
 * so the check says UP or DOWN and nothing else: not the product, where it runs, a version or
 * why it failed (an exception's class names the driver); the server's log has the failures.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(database.probe(2).up()).build();
    }
}
