package io.tillpoint.domain.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An audit entry never keeps a secret or a card number, whatever an action hands it. */
class AuditSnapshotTest {

    @Test
    void fieldsNamedLikeSecretsKeepNoValue() {
        AuditSnapshot s = AuditSnapshot.builder()
                .text("client_secret", "sk_live_abcdefghijklmnop")
                .text("password", "hunter2")
                .text("access_token", "eyJhbGciOi")
                .text("secret_hash", "hmac-sha256$v1$abc")
                .text("card_number", "4242424242424242")
                .text("cvc", "123")
                .number("pan", 4242424242424242L)
                .text("name", "Shop")
                .build();

        assertThat(s.values()).containsEntry("client_secret", AuditSnapshot.REDACTED)
                .containsEntry("password", AuditSnapshot.REDACTED)
                .containsEntry("access_token", AuditSnapshot.REDACTED)
                .containsEntry("secret_hash", AuditSnapshot.REDACTED)
                .containsEntry("card_number", AuditSnapshot.REDACTED)
                .containsEntry("cvc", AuditSnapshot.REDACTED)
                .containsEntry("pan", AuditSnapshot.REDACTED)
                .containsEntry("name", "Shop");
        assertThat(s.toString()).doesNotContain("sk_live").doesNotContain("hunter2").doesNotContain("4242424242424242");
    }

    @Test
    void cardNumbersInsideAnyTextAreMasked() {
        AuditSnapshot s = AuditSnapshot.builder()
                .text("status_reason", "fraud on 4242 4242 4242 4242, see ticket 12")
                .build();

        assertThat((String) s.get("status_reason")).isEqualTo("fraud on 424242******4242, see ticket 12");
    }

    @Test
    void valuesKeepTheirTypesAndOrder() {
        AuditSnapshot s = AuditSnapshot.builder().text("status", "suspended").number("fixed", 30L).flag("active", false)
                .text("status_reason", null).build();

        assertThat(s.values()).containsExactly(java.util.Map.entry("status", "suspended"), java.util.Map.entry("fixed", 30L),
                java.util.Map.entry("active", false), new java.util.AbstractMap.SimpleEntry<>("status_reason", null));
    }

    @Test
    void longTextIsCapped() {
        AuditSnapshot s = AuditSnapshot.builder().text("note", "x".repeat(5000)).build();

        assertThat(((String) s.get("note")).length()).isLessThanOrEqualTo(1001);
    }

    @Test
    void fieldNamesAreSnakeCase() {
        assertThatThrownBy(() -> AuditSnapshot.builder().text("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actionsReadObjectThenWhatWasDone() {
        assertThat(AuditAction.MERCHANT_SUSPENDED.name()).isEqualTo("merchant.suspended");
        assertThat(new AuditAction("risk.rule.created").name()).isEqualTo("risk.rule.created");
        assertThatThrownBy(() -> new AuditAction("Suspend")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditAction.parse("drop table;", "action")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anEntryCarriesItsContext() {
        AuditContext context = new AuditContext(Actor.apiClient("platform"), "203.0.113.9", "req_1");
        AuditEntry e = AuditEntry.of(context, AuditAction.CREDENTIALS_REVOKED, AuditTarget.apiClient("cli_1"), null, null,
                Instant.parse("2026-12-03T10:00:00Z"));

        assertThat(e.id()).startsWith("aud_");
        assertThat(e.actor().id()).isEqualTo("platform");
        assertThat(e.originIp()).isEqualTo("203.0.113.9");
        assertThat(e.requestId()).isEqualTo("req_1");
    }

    @Test
    void actorFiltersAreIdsNotPatterns() {
        assertThat(Actor.requireFilter("cli_0Tz1", "actor")).isEqualTo("cli_0Tz1");
        assertThatThrownBy(() -> Actor.requireFilter("a' or '1'='1", "actor")).isInstanceOf(InvalidInputException.class);
    }
}
