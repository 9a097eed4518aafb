package io.tillpoint.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers a query within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/tillpoint")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery("select count(*) from merchant")) {
                rs.next();
                return HealthCheckResponse.named("database").up()
                        .withData("product", c.getMetaData().getDatabaseProductName()).build();
            }
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
