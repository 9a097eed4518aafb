package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.card.CardFingerprints;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the migration 4.1 does to the card fingerprints stored before issue 17, which were the
 * gateway's own (internal, key version 1) and were shown to every merchant alike: each payment
 * gets its merchant's fingerprint derived from it, and each stored answer of an idempotency record
 * shows that one instead (so no answer, replayed or not, ever shows the internal one). Runs in the
 * migration's transaction; done again, it finds nothing left to do.
 */
final class LegacyCardFingerprints {

    /** A fingerprint as answers showed it before issue 17: 22 base64url characters, no version. */
    private static final Pattern SHOWN_BEFORE = Pattern.compile("\"fingerprint\":\"([A-Za-z0-9_-]{22})\"");
    private static final int BATCH = 500;

    private final CardFingerprints fingerprints;

    LegacyCardFingerprints(CardFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    /** Both steps; how many payments and stored answers changed. */
    int[] migrate(Connection connection) throws SQLException {
        return new int[] {paymentsOf(connection), storedAnswersOf(connection)};
    }

    private int paymentsOf(Connection connection) throws SQLException {
        int changed = 0;
        try (PreparedStatement select = connection.prepareStatement("select id, merchant_id, card_internal_fingerprint"
                + " from payment where card_fingerprint is null and card_internal_fingerprint is not null");
                PreparedStatement update = connection.prepareStatement(
                        "update payment set card_fingerprint = ? where id = ?")) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    InternalCardFingerprint internal = new InternalCardFingerprint(rows.getString(3));
                    update.setString(1, fingerprints.forMerchant(rows.getString(2), internal).value());
                    update.setString(2, rows.getString(1));
                    update.addBatch();
                    if (++changed % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        return changed;
    }

    private int storedAnswersOf(Connection connection) throws SQLException {
        int changed = 0;
        try (PreparedStatement select = connection.prepareStatement("select id, owner_id, response_body"
                + " from idempotency_record where response_body is not null"
                + " and position(convert_to('\"fingerprint\":\"', 'UTF8') in response_body) > 0");
                PreparedStatement update = connection.prepareStatement(
                        "update idempotency_record set response_body = ?, version = version + 1 where id = ?")) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String body = new String(rows.getBytes(3), StandardCharsets.UTF_8);
                    String shown = withMerchantFingerprint(body, rows.getString(2));
                    if (!shown.equals(body)) {
                        update.setBytes(1, shown.getBytes(StandardCharsets.UTF_8));
                        update.setString(2, rows.getString(1));
                        update.addBatch();
                        if (++changed % BATCH == 0) {
                            update.executeBatch();
                        }
                    }
                }
            }
            update.executeBatch();
        }
        return changed;
    }

    /** {@code answer} (JSON) with each fingerprint shown before issue 17 replaced by the merchant's. */
    String withMerchantFingerprint(String answer, String merchantId) {
        Matcher m = SHOWN_BEFORE.matcher(answer);
        StringBuilder out = new StringBuilder(answer.length() + 8);
        while (m.find()) {
            InternalCardFingerprint internal = new InternalCardFingerprint("i1." + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "\"fingerprint\":\"" + fingerprints.forMerchant(merchantId, internal).value() + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
