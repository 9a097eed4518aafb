package io.tillpoint.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.card.CardFingerprints;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.infrastructure.crypto.CardDataKeys;
import io.tillpoint.infrastructure.crypto.HmacCardFingerprints;
import io.tillpoint.infrastructure.crypto.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 17 on a database of an earlier release: the V4 and 4.1 migrations erase the plain SHA-256
 * fingerprints of idempotency records, move the stored card fingerprints (the gateway's own, key
 * version 1) beside the merchant's derived from them, and put the merchant's in the stored answers.
 * Runs on the tests' PostgreSQL, in a schema of its own, from schema version 3.1 on.
 */
class CardDataMigrationIT {

    private static final String URL = System.getProperty("tillpoint.it.db.url",
            "jdbc:postgresql://127.0.0.1:18433/tillpoint_writes_it");
    private static final String SCHEMA = "card_data_migration_it";
    private static final String OLD_FINGERPRINT = "AbCdEfGhIjKlMnOpQrSt_-";
    private static final String BODY = "{\"amount\":1999,\"payment_method\":{\"type\":\"card\",\"card\":{"
            + "\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}}";
    private static final String ANSWER = "{\"id\":\"pay_old\",\"payment_method\":{\"type\":\"card\",\"card\":{"
            + "\"brand\":\"visa\",\"last4\":\"4242\",\"fingerprint\":\"" + OLD_FINGERPRINT + "\"}}}";

    private static PGSimpleDataSource dataSource;
    private static final CardFingerprints FINGERPRINTS = new HmacCardFingerprints(CardDataKeys.of(
            new KeyRing(Map.of(1, new byte[32]), 0), new KeyRing(Map.of(1, "merchant-key-for-the-test-32-byt".getBytes(
                    StandardCharsets.US_ASCII)), 0), new KeyRing(Map.of(1, new byte[32]), 0)));

    @BeforeAll
    static void aDatabaseOfTheReleaseBefore() throws SQLException {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setUser(System.getProperty("tillpoint.it.db.user", "tillpoint"));
        dataSource.setPassword(System.getProperty("tillpoint.it.db.password", "tillpoint-it"));
        dataSource.setCurrentSchema(SCHEMA);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        flyway().target("3.1").load().migrate();
        update("insert into merchant (id, version, name, country, default_currency, fee_percent_bps, fee_fixed, status,"
                + " created_at) values ('mer_old', 1, 'Old', 'US', 'USD', 290, 30, 'ACTIVE', now())");
        update("insert into payment (id, version, merchant_id, status, amount, currency, amount_capturable,"
                + " amount_captured, amount_refunded, capture_mode, method_type, card_brand, card_bin, card_last4,"
                + " card_exp_month, card_exp_year, card_fingerprint, challenge_attempts, created_at, updated_at)"
                + " values ('pay_old', 2, 'mer_old', 'CAPTURED', 1999, 'USD', 0, 1999, 0, 'AUTOMATIC', 'CARD', 'visa',"
                + " '424242', '4242', 12, 2030, '" + OLD_FINGERPRINT + "', 0, now(), now())");
        update("insert into idempotency_record (id, version, owner_id, idem_key, request_hash, completed,"
                + " response_status, response_content_type, response_body, created_at, completed_at) values"
                + " ('mer_old|k1', 2, 'mer_old', 'k1', '" + sha256Hex("POST\u0000/payments\u0000" + BODY) + "', true,"
                + " 201, 'application/json', convert_to('" + ANSWER + "', 'UTF8'), now(), now())");
        flyway().javaMigrations(new MerchantCardFingerprintsMigration(FINGERPRINTS)).load().migrate();
    }

    @Test
    void thePlainSha256OfTheBodyIsErased() throws SQLException {
        assertThat(text("select request_hash from idempotency_record where id = 'mer_old|k1'")).isNull();
        assertThat(text("select count(*)::text from idempotency_record where request_hash ~ '^[0-9a-f]{64}$'"))
                .isEqualTo("0");
    }

    @Test
    void theStoredFingerprintIsTheGatewaysOwnUnderKeyOneAndTheMerchantsIsDerivedFromIt() throws SQLException {
        InternalCardFingerprint internal = new InternalCardFingerprint("i1." + OLD_FINGERPRINT);

        assertThat(text("select card_internal_fingerprint from payment where id = 'pay_old'")).isEqualTo(internal.value());
        assertThat(text("select card_fingerprint from payment where id = 'pay_old'"))
                .isEqualTo(FINGERPRINTS.forMerchant("mer_old", internal).value());
    }

    @Test
    void theStoredAnswerShowsTheMerchantsFingerprintAndNeverTheGatewaysOwn() throws SQLException {
        String answer = text("select convert_from(response_body, 'UTF8') from idempotency_record where id = 'mer_old|k1'");

        assertThat(answer).doesNotContain(OLD_FINGERPRINT).isEqualTo(ANSWER.replace(OLD_FINGERPRINT,
                FINGERPRINTS.forMerchant("mer_old", new InternalCardFingerprint("i1." + OLD_FINGERPRINT)).value()));
    }

    @Test
    void theFingerprintMigrationIsAppliedOnceAndAgainItChangesNothing() throws SQLException {
        String fingerprint = text("select card_fingerprint from payment where id = 'pay_old'");

        flyway().javaMigrations(new MerchantCardFingerprintsMigration(FINGERPRINTS)).load().migrate();

        assertThat(text("select count(*) from flyway_schema_history where success and version = '4.1'"))
                .as("4.1 applied once, whatever later migrations exist").isEqualTo("1");
        assertThat(text("select card_fingerprint from payment where id = 'pay_old'")).isEqualTo(fingerprint);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure(CardDataMigrationIT.class.getClassLoader()).dataSource(dataSource).schemas(SCHEMA)
                .defaultSchema(SCHEMA).locations(SchemaMigrator.LOCATION);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
