package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every administrative action leaves one audit entry, written with the action (an action that is
 * refused leaves none): who, what, to which object, from where, through which request, and the
 * object before and after, with no secret in it. The trail is append-only in the database and
 * pages newest first with validated filters.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    private static Reply postWithRequestId(String path, String token, String json, String requestId) {
        HttpRequest.Builder b = request(path, token).header("X-Request-Id", requestId);
        b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(b);
    }

    /** The entries of {@code action} on {@code targetId}, newest first. */
    private static List<JsonObject> entries(String pt, String action, String targetId) {
        Reply r = get("/api/v1/admin/audit?limit=100&action=" + action, pt);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonObject("target").getString("id").equals(targetId)).toList();
    }

    private static JsonObject onlyEntry(String pt, String action, String targetId) {
        List<JsonObject> found = entries(pt, action, targetId);
        assertThat(found).as(action + " on " + targetId).hasSize(1);
        return found.get(0);
    }

    private static void assertWho(JsonObject entry, String requestId) {
        assertThat(entry.getString("id")).startsWith("aud_");
        assertThat(entry.getJsonObject("actor").getString("type")).isEqualTo("api_client");
        assertThat(entry.getJsonObject("actor").getString("id")).isEqualTo("platform");
        assertThat(entry.getString("origin_ip")).isNotBlank();
        assertThat(entry.getString("request_id")).isEqualTo(requestId);
        assertThat(Instant.parse(entry.getString("occurred_at"))).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void each_admin_action_has_its_entry_with_actor_origin_request_and_masked_before_and_after() {
        String pt = platformToken();
        String id = "req-audit-" + UUID.randomUUID().toString().substring(0, 8);

        Reply created = postWithRequestId("/api/v1/admin/merchants", pt, "{\"name\":\"Audited\",\"country\":\"US\","
                + "\"default_currency\":\"USD\",\"pricing\":{\"percent_bps\":290,\"fixed\":30}}", id + "-1");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String merchantId = created.json().getString("id");
        String secret = created.json().getString("client_secret");
        JsonObject creation = onlyEntry(pt, "merchant.created", merchantId);
        assertWho(creation, id + "-1");
        assertThat(creation.getJsonObject("target").getString("type")).isEqualTo("merchant");
        assertThat(isNull(creation, "before")).isTrue();
        assertThat(creation.getJsonObject("after").getString("name")).isEqualTo("Audited");
        assertThat(creation.getJsonObject("after").getString("client_id")).isEqualTo(created.json().getString("client_id"));
        assertThat(creation.toString()).doesNotContain(secret);

        Reply withCardNumber = postWithRequestId("/api/v1/admin/merchants/" + merchantId + "/suspend", pt,
                "{\"reason\":\"card 4242 4242 4242 4242 reported\"}", id + "-c");
        assertThat(withCardNumber.status()).as("a card number in a reason is refused, as in any free text").isEqualTo(400);
        assertThat(withCardNumber.json().getString("code")).isEqualTo("card_number_in_text");
        assertThat(entries(pt, "merchant.suspended", merchantId)).as("refused: no entry").isEmpty();
        assertThat(postWithRequestId("/api/v1/admin/merchants/" + merchantId + "/suspend", pt,
                "{\"reason\":\"card reported stolen\"}", id + "-2").status()).isEqualTo(200);
        JsonObject suspension = onlyEntry(pt, "merchant.suspended", merchantId);
        assertWho(suspension, id + "-2");
        assertThat(suspension.getJsonObject("before").getString("status")).isEqualTo("active");
        assertThat(suspension.getJsonObject("after").getString("status")).isEqualTo("suspended");
        assertThat(suspension.getJsonObject("after").getString("status_reason")).isEqualTo("card reported stolen");

        assertThat(postWithRequestId("/api/v1/admin/merchants/" + merchantId + "/suspend", pt, "{\"reason\":\"twice\"}",
                id + "-x").status()).as("refused: no entry").isEqualTo(409);
        assertThat(entries(pt, "merchant.suspended", merchantId)).hasSize(1);

        assertThat(postWithRequestId("/api/v1/admin/merchants/" + merchantId + "/reactivate", pt, "{\"reason\":\"ok\"}",
                id + "-3").status()).isEqualTo(200);
        JsonObject reactivation = onlyEntry(pt, "merchant.reactivated", merchantId);
        assertThat(reactivation.getJsonObject("before").getString("status")).isEqualTo("suspended");
        assertThat(reactivation.getJsonObject("after").getString("status")).isEqualTo("active");

        Reply issued = postWithRequestId("/api/v1/admin/merchants/" + merchantId + "/credentials", pt, null, id + "-4");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String clientId = issued.json().getString("client_id");
        JsonObject issue = onlyEntry(pt, "credentials.issued", clientId);
        assertWho(issue, id + "-4");
        assertThat(issue.getJsonObject("target").getString("type")).isEqualTo("api_client");
        assertThat(issue.getJsonObject("after").getString("merchant_id")).isEqualTo(merchantId);
        assertThat(issue.getJsonObject("after").getBoolean("active")).isTrue();
        assertThat(issue.toString()).doesNotContain(issued.json().getString("client_secret"));

        assertThat(postWithRequestId("/api/v1/admin/credentials/" + clientId + "/revoke", pt, "{\"reason\":\"rotated\"}",
                id + "-5").status()).isEqualTo(200);
        JsonObject revocation = onlyEntry(pt, "credentials.revoked", clientId);
        assertThat(revocation.getJsonObject("before").getBoolean("active")).isTrue();
        assertThat(revocation.getJsonObject("after").getBoolean("active")).isFalse();
        assertThat(revocation.getJsonObject("after").getString("revoked_reason")).isEqualTo("rotated");

        Reply job = postWithRequestId("/api/v1/admin/jobs/idempotency-purge", pt, "{\"retention_hours\":48}", id + "-6");
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        JsonObject start = onlyEntry(pt, "job.started", job.json().getString("id"));
        assertWho(start, id + "-6");
        assertThat(start.getJsonObject("target").getString("type")).isEqualTo("job_request");
        assertThat(start.getJsonObject("after").getString("job")).isEqualTo("idempotency-purge");
        assertThat(start.getJsonObject("after").getString("retention_hours")).isEqualTo("48");
    }

    @Test
    void the_trail_pages_newest_first_and_filters_by_actor_action_and_time() throws Exception {
        String pt = platformToken();
        Instant before = Instant.now();
        Merchant a = newMerchant();
        Merchant b = newMerchant();
        Merchant c = newMerchant();
        String from = URLEncoder.encode(before.toString(), StandardCharsets.UTF_8);

        Reply first = get("/api/v1/admin/audit?action=merchant.created&actor=platform&limit=2&from=" + from, pt);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("object")).isEqualTo("list");
        JsonArray page = first.json().getJsonArray("data");
        assertThat(page).hasSize(2);
        assertThat(first.json().getBoolean("has_more")).isTrue();
        assertThat(page.getJsonObject(0).getJsonObject("target").getString("id")).isEqualTo(c.id());
        assertThat(page.getJsonObject(1).getJsonObject("target").getString("id")).isEqualTo(b.id());

        Reply second = get("/api/v1/admin/audit?action=merchant.created&actor=platform&limit=2&from=" + from
                + "&starting_after=" + page.getJsonObject(1).getString("id"), pt);
        JsonArray rest = second.json().getJsonArray("data");
        assertThat(rest).hasSize(1);
        assertThat(rest.getJsonObject(0).getJsonObject("target").getString("id")).isEqualTo(a.id());
        assertThat(second.json().getBoolean("has_more")).isFalse();

        String to = URLEncoder.encode(before.toString(), StandardCharsets.UTF_8);
        Reply older = get("/api/v1/admin/audit?action=merchant.created&limit=100&to=" + to, pt);
        assertThat(older.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .noneMatch(e -> e.getJsonObject("target").getString("id").equals(a.id()));
        assertThat(get("/api/v1/admin/audit?actor=cli_nobody", pt).json().getJsonArray("data")).isEmpty();
    }

    @Test
    void bad_filters_are_400_with_their_param_and_merchants_may_not_read_the_trail() {
        String pt = platformToken();
        assertBadParam(get("/api/v1/admin/audit?from=yesterday", pt), "from");
        assertBadParam(get("/api/v1/admin/audit?to=2026-13-45T00:00:00Z", pt), "to");
        assertBadParam(get("/api/v1/admin/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", pt), "to");
        assertBadParam(get("/api/v1/admin/audit?action=DROP%20TABLE", pt), "action");
        assertBadParam(get("/api/v1/admin/audit?actor=%27%20or%201%3D1", pt), "actor");
        assertBadParam(get("/api/v1/admin/audit?limit=0", pt), "limit");
        assertBadParam(get("/api/v1/admin/audit?limit=101", pt), "limit");
        assertBadParam(get("/api/v1/admin/audit?starting_after=aud_nothere", pt), "starting_after");

        Merchant m = newMerchant();
        Reply forbidden = get("/api/v1/admin/audit", m.token());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/admin/audit", null).status()).isEqualTo(401);
    }

    private static void assertBadParam(Reply r, String param) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getString("param")).isEqualTo(param);
        assertThat(r.body()).doesNotContain("SQL").doesNotContain("Exception");
    }

    @Test
    void the_database_refuses_to_change_or_delete_audit_entries() throws Exception {
        newMerchant();
        assertThat(Database.count("select count(*) from audit_entry")).isPositive();
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_entry set actor_id = 'someone'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(Database.count("select count(*) from audit_entry where actor_id = 'someone'")).isZero();
    }
}
