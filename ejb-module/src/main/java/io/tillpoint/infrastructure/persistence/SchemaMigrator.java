package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.card.CardFingerprints;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the current version at every start (versioned migrations in
 * {@code db/migration}, and those in Java that need more than SQL). Flyway's lock makes concurrent
 * starts of several instances safe.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

    /** Where the migrations are, for Flyway's class path scanner. */
    public static final String LOCATION = "classpath:db/migration";

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    private DataSource dataSource;

    /** For the migration that needs keys (4.1: each merchant's card fingerprints). */
    @Inject
    CardFingerprints cardFingerprints;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(new MerchantCardFingerprintsMigration(cardFingerprints))
                .load()
                .migrate();
        LOG.info(() -> "schema migrations: " + result.migrationsExecuted + " applied, now at version "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion)
                + " (" + result.database + ")");
    }
}
