package io.tillpoint.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.audit.AuditSnapshot;
import org.junit.jupiter.api.Test;

/** What the audit trail stores of a snapshot reads back the same, masked as it went in. */
class JdbcAuditTrailTest {

    @Test
    void aSnapshotRoundTripsThroughItsJson() {
        AuditSnapshot snapshot = AuditSnapshot.builder().text("status", "suspended").number("fixed", 30L)
                .flag("active", false).text("status_reason", null).text("client_secret", "sk_x").build();

        String json = JdbcAuditTrail.toJson(snapshot);

        assertThat(json).doesNotContain("sk_x");
        assertThat(JdbcAuditTrail.fromJson(json)).isEqualTo(snapshot);
        assertThat(JdbcAuditTrail.toJson(null)).isNull();
        assertThat(JdbcAuditTrail.fromJson(null)).isNull();
    }

    @Test
    void theInsertGoesIntoTheJsonbColumnsAsJson() {
        assertThat(JdbcAuditTrail.INSERT).contains("cast(? as jsonb)");
    }
}
