package io.tillpoint.infrastructure.persistence;

import io.tillpoint.application.DatabaseProbe;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Asks the application's database a query that touches the gateway's schema. */
@ApplicationScoped
public class JdbcDatabaseProbe implements DatabaseProbe {

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    /** Set by the launcher: true when it runs the database in the data folder. */
    @Inject
    @ConfigProperty(name = "tillpoint.db.embedded", defaultValue = "false")
    boolean embedded;

    @Override
    public Answer probe(int timeoutSeconds) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = s.executeQuery("select count(*) from merchant")) {
                rs.next();
                return new Answer(true, c.getMetaData().getDatabaseProductName(), embedded, null);
            }
        } catch (Exception e) {
            return new Answer(false, null, embedded, e.getClass().getSimpleName());
        }
    }
}
