package io.tillpoint.interfaces.health;

import io.tillpoint.application.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers a query within two seconds. Names the database: its
 * product and whether it is the embedded server of the data folder or an external one.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        DatabaseProbe.Answer answer = database.probe(2);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database")
                .withData("server", answer.embedded() ? "embedded" : "external");
        return answer.up()
                ? response.up().withData("product", answer.product()).build()
                : response.down().withData("error", answer.failure()).build();
    }
}
