package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.card.CardFingerprints;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 4.1, after {@code V4__no_recoverable_card_data.sql}: the merchants' card
 * fingerprints of the payments and stored answers made before issue 17 ({@link
 * LegacyCardFingerprints}). In Java because it needs the keys; Flyway runs it once, in one
 * transaction, under its lock, like the SQL migrations.
 */
final class MerchantCardFingerprintsMigration implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(MerchantCardFingerprintsMigration.class.getName());

    private final CardFingerprints fingerprints;

    MerchantCardFingerprintsMigration(CardFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4.1");
    }

    @Override
    public String getDescription() {
        return "merchant card fingerprints";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        int[] changed = new LegacyCardFingerprints(fingerprints).migrate(context.getConnection());
        LOG.info(() -> "card fingerprints per merchant: " + changed[0] + " payments, " + changed[1] + " stored answers");
    }
}
