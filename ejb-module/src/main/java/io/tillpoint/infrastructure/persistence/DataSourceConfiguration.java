package io.tillpoint.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one data source. Driver, URL and credentials come from MicroProfile
 * Config at deploy time, so the same EAR runs on the embedded H2 database or on PostgreSQL
 * ({@code TILLPOINT_DB_URL}, {@code TILLPOINT_DB_USER}, {@code TILLPOINT_DB_PASSWORD};
 * the launcher derives {@code TILLPOINT_DB_CLASS_NAME} from the URL).
 * <p>
 * Every connection of the pool is the same user's, so the pool hands out any free one: Payara
 * matches connections by default for a data source defined this way (a pool defined in the
 * server does not), comparing the credentials and all the data source's properties of each
 * free connection on every checkout, 1 % of the CPU per payment.
 */
@DataSourceDefinition(
        name = DataSourceConfiguration.JNDI_NAME,
        className = "${MPCONFIG=tillpoint.db.class-name}",
        url = "${MPCONFIG=tillpoint.db.url}",
        user = "${MPCONFIG=tillpoint.db.user}",
        password = "${MPCONFIG=tillpoint.db.password}",
        minPoolSize = 4,
        maxPoolSize = 40,
        maxIdleTime = 300,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true",
            "fish.payara.validate-atmost-once-period-in-seconds=30",
            "fish.payara.match-connections=false"
        })
@Singleton
public class DataSourceConfiguration {

    public static final String JNDI_NAME = "java:app/jdbc/tillpoint";
}
