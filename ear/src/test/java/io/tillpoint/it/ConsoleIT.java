package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The back-office console in a real browser (Debian's Chromium, headless): an admin signs in,
 * finds a payment made over the API, refunds part of it, approves a payment held for review, sees
 * both in the audit log and switches the language; a support user sees payments but cannot refund;
 * five wrong passwords lock an account; a forged form post is refused. Screenshots of the main
 * screens are written on the way (see README).
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    static final String ADMIN_PASSWORD = "it-admin-password";
    private static final String BRAZIL_CARD = "4000000000000101";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    private static JsonObject pay(Merchant m, long amount, String capture, String number, String customer) {
        String body = cardPayment(amount, "USD", capture, number);
        if (customer != null) {
            body = body.replaceFirst("\\{", "{\"customer\":" + customer + ",");
        }
        Reply r = post("/api/v1/payments", m.token(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static JsonObject payment(Merchant m, String id) {
        Reply r = get("/api/v1/payments/" + id, m.token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Adds a console user through the admin's users page. */
    private static void addUser(Browser admin, String username, String role, String password) {
        admin.open("/users.xhtml");
        admin.type("#users\\:username", username);
        admin.type("#users\\:display", "IT " + username);
        new org.openqa.selenium.support.ui.Select(admin.find("#users\\:role")).selectByValue(role);
        admin.type("#users\\:password_input, #users\\:password", password);
        admin.click("#users\\:create");
        admin.awaitText(username + " added");
    }

    @Test
    void an_admin_refunds_part_of_an_api_payment_approves_a_review_sees_both_in_the_audit_log_and_switches_language() {
        Merchant m = newMerchant();
        JsonObject paid = pay(m, 10_000, "automatic", VISA, null);
        assertThat(paid.getString("status")).isEqualTo("captured");
        JsonObject held = pay(m, 60_000, "manual", BRAZIL_CARD, "{\"id\":\"c-console\",\"country\":\"US\"}");
        assertThat(held.getString("status")).isEqualTo("in_review");

        try (Browser b = new Browser("en-US")) {
            b.open("/payments.xhtml");
            b.find("#login\\:username");
            assertThat(b.driver.getCurrentUrl()).contains("/console/login.xhtml");
            b.screenshot("login");
            b.signIn("admin", ADMIN_PASSWORD);
            b.find("#nav-payments");
            assertThat(b.text()).contains("admin · Admin");
            // The review count is live; the charts are drawn (Chart.js canvases).
            assertThat(Long.parseLong(b.find("#kpi-review a").getText())).isPositive();
            assertThat(b.present("#dashboard\\:volume canvas")).isTrue();
            assertThat(b.present("#dashboard\\:declines canvas")).isTrue();
            b.screenshot("dashboard");

            // Find the API's payment by its reference, open it.
            b.click("#nav-payments");
            b.type("#search\\:query", paid.getString("reference"));
            b.click("#search\\:go");
            b.awaitText(paid.getString("id"));
            b.screenshot("payments");
            b.click("a[href*='" + paid.getString("id") + "']");
            b.find("#status");
            assertThat(b.find("#status").getText()).isEqualTo("captured");
            assertThat(b.find("#card").getText()).contains("424242").contains("4242").doesNotContain(VISA);

            // Refund 25.00 of 100.00, confirmed in the dialog.
            b.type("#actions\\:refund-amount", "25.00");
            b.type("#actions\\:refund-reason", "customer returned one item");
            b.click("#actions\\:refund");
            b.click("#actions\\:confirm-yes");
            b.awaitText("Refund made.");
            assertThat(b.find("#refunded").getText()).isEqualTo("25.00 USD");
            assertThat(b.find("#status").getText()).isEqualTo("partially_refunded");
            assertThat(b.text()).contains("journal REFUND").contains("payment.refund_requested");
            b.screenshot("payment");
            assertThat(payment(m, paid.getString("id")).getJsonNumber("amount_refunded").longValue()).isEqualTo(2_500);

            // Approve the held payment in the review queue.
            b.click("#nav-risk");
            b.awaitText(held.getString("id"));
            b.screenshot("reviews");
            b.type("#reviews\\:reason", "customer confirmed by phone");
            String row = "tr[data-ri]:has(a[href*='" + held.getString("id") + "'])";
            b.click(row + " button[id$='approve']");
            b.awaitText("Payment " + held.getString("id") + " approved.");
            assertThat(payment(m, held.getString("id")).getString("status")).isEqualTo("authorized");

            // Both in the audit log, by action, with who and from where.
            b.click("#nav-audit");
            b.type("#audit\\:action", "payment.refund_requested");
            b.click("#audit\\:go");
            String refundEntries = b.awaitText(paid.getString("id"));
            assertThat(refundEntries).contains("admin").contains("customer returned one item");
            b.type("#audit\\:action", "risk_review.approved");
            b.click("#audit\\:go");
            assertThat(b.awaitText(held.getString("id"))).contains("customer confirmed by phone");
            b.type("#audit\\:action", "");
            b.click("#audit\\:go");
            b.awaitText("risk_review.approved");
            b.screenshot("audit");

            // Switch to Chinese and back: the whole page follows, the session stays.
            b.click("#session\\:language");
            b.awaitText("审计日志");
            assertThat(b.find("#nav-payments").getText()).isEqualTo("支付");
            b.screenshot("audit-zh");
            b.click("#session\\:language");
            b.awaitText("Audit log");
            assertThat(b.find("#nav-payments").getText()).isEqualTo("Payments");

            // The other main screens render for an admin.
            b.open("/merchants.xhtml");
            b.awaitText(m.id());
            b.screenshot("merchants");
            b.open("/risk.xhtml");
            b.awaitText("country_mismatch");
            b.screenshot("risk");
            b.open("/webhooks.xhtml");
            b.type("#webhooks\\:merchant", m.id());
            b.click("#webhooks\\:find");
            b.find("#webhooks\\:endpoints");
        }
    }

    @Test
    void a_refund_above_the_four_eyes_amount_waits_for_a_second_person() throws Exception {
        Merchant m = newMerchant();
        JsonObject paid = pay(m, 90_000, "automatic", VISA, null);
        String operator = "operator-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser admin = new Browser("en-US")) {
            admin.signIn("admin", ADMIN_PASSWORD);
            admin.find("#nav-users");
            addUser(admin, operator, "operator", "operator-password-2");
            admin.open("/payment.xhtml?id=" + paid.getString("id"));
            admin.type("#actions\\:refund-amount", "600.00");
            admin.type("#actions\\:refund-reason", "chargeback avoided");
            admin.click("#actions\\:refund");
            admin.click("#actions\\:confirm-yes");
            admin.awaitText("waits for a second person");
            assertThat(payment(m, paid.getString("id")).getJsonNumber("amount_refunded").longValue()).isZero();
            // Nobody approves their own request.
            admin.click("#nav-approvals");
            String row = "tr[data-ri]:has(a[href*='" + paid.getString("id") + "'])";
            admin.click(row + " button[id$='approve']");
            admin.awaitText("needs another person's approval");
            admin.screenshot("approvals");
        }
        try (Browser second = new Browser("en-US")) {
            second.signIn(operator, "operator-password-2");
            second.find("#nav-approvals");
            second.click("#nav-approvals");
            String row = "tr[data-ri]:has(a[href*='" + paid.getString("id") + "'])";
            second.click(row + " button[id$='approve']");
            second.awaitText("Refund made.");
        }
        assertThat(payment(m, paid.getString("id")).getJsonNumber("amount_refunded").longValue()).isEqualTo(60_000);
        assertThat(Database.count("select count(*) from audit_entry where action = 'refund.approved' and actor_id = ?",
                operator)).isEqualTo(1);
    }

    @Test
    void a_browser_asking_for_chinese_gets_the_console_in_chinese() {
        try (Browser b = new Browser("zh-CN")) {
            b.open("/login.xhtml");
            assertThat(b.find("#login\\:submit").getText()).isEqualTo("登录");
            b.signIn("admin", ADMIN_PASSWORD);
            assertThat(b.find("#nav-payments").getText()).isEqualTo("支付");
        }
    }

    @Test
    void a_support_user_sees_payments_but_cannot_refund_and_a_first_sign_in_from_an_address_is_shown() {
        Merchant m = newMerchant();
        JsonObject paid = pay(m, 5_000, "automatic", VISA, null);
        String support = "support-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser admin = new Browser("en-US")) {
            admin.signIn("admin", ADMIN_PASSWORD);
            admin.find("#nav-users");
            addUser(admin, support, "support", "support-password-1");
            admin.screenshot("users");
        }
        try (Browser b = new Browser("en-US")) {
            b.signIn(support, "support-password-1");
            // The test's browser reaches the server on the loopback address (IPv4 or IPv6, as localhost resolves).
            assertThat(b.find("#new-address").getText()).contains("You signed in from a new address")
                    .containsPattern("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
            assertThat(b.present("#nav-users")).isFalse();
            b.open("/payment.xhtml?id=" + paid.getString("id"));
            assertThat(b.find("#status").getText()).isEqualTo("captured");
            assertThat(b.present("#actions\\:refund")).isFalse();
            assertThat(b.find("#actions\\:no-refund").getText()).contains("does not move money");
            b.click("#new-address-form\\:dismiss");
            b.awaitText("does not move money");
            assertThat(b.present("#new-address")).isFalse();
            b.open("/users.xhtml");
            assertThat(b.awaitText("Refused")).doesNotContain(support + " added");
        }
        try (Browser admin = new Browser("en-US")) {
            admin.signIn("admin", ADMIN_PASSWORD);
            admin.find("#nav-users");
            admin.open("/users.xhtml");
            assertThat(admin.find("#users\\:origins").getText()).contains(support)
                    .containsPattern("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        }
        assertThat(payment(m, paid.getString("id")).getJsonNumber("amount_refunded").longValue()).isZero();
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_for_the_right_one() throws Exception {
        String user = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser admin = new Browser("en-US")) {
            admin.signIn("admin", ADMIN_PASSWORD);
            admin.find("#nav-users");
            addUser(admin, user, "operator", "operator-password-1");
        }
        try (Browser b = new Browser("en-US")) {
            for (int i = 1; i <= 4; i++) {
                b.signIn(user, "wrong-password-" + i);
                assertThat(b.awaitText("Wrong user name or password.")).doesNotContain("locked");
            }
            b.signIn(user, "wrong-password-5");
            b.awaitText("This account is locked");
            b.signIn(user, "operator-password-1");
            b.awaitText("This account is locked");
            assertThat(b.driver.getCurrentUrl()).contains("login.xhtml");
            b.screenshot("locked");
        }
        assertThat(Database.count("select count(*) from console_user where username = ? and locked_until > now()", user))
                .isEqualTo(1);
        assertThat(Database.count("select count(*) from audit_entry where action = 'console_user.locked_out'"
                + " and target_id = ?", user)).isEqualTo(1);
    }

    @Test
    void a_forged_form_post_is_refused_and_changes_nothing() {
        // The session cookie is the console's own, out of scripts' reach.
        Reply login = send(HttpRequest.newBuilder(URI.create(BASE + "/console/login.xhtml")).GET());
        assertThat(login.raw().headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("TILLPOINT_CONSOLE=")
                && c.contains("Path=/console") && c.contains("HttpOnly"));

        Merchant m = newMerchant();
        JsonObject paid = pay(m, 7_000, "automatic", VISA, null);
        String session;
        try (Browser b = new Browser("en-US")) {
            b.signIn("admin", ADMIN_PASSWORD);
            b.find("#nav-payments");
            session = b.cookie("TILLPOINT_CONSOLE");
            b.open("/payment.xhtml?id=" + paid.getString("id"));
            b.find("#actions\\:refund");

            Map<String, String> form = new LinkedHashMap<>();
            form.put("actions", "actions");
            form.put("actions:refund-amount", "70.00");
            form.put("actions:refund-reason", "forged");
            form.put("actions:refund", "actions:refund");
            form.put("jakarta.faces.ViewState", "-1234567890123456789:-987654321987654321");
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));

            // Another site's form: refused on its Origin, whatever it posts.
            Reply crossSite = send(HttpRequest.newBuilder(URI.create(BASE + "/console/payment.xhtml?id=" + paid.getString("id")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "TILLPOINT_CONSOLE=" + session).header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(crossSite.status()).isEqualTo(403);

            // Without an Origin, a view state that is not this session's is refused too.
            Reply forged = send(HttpRequest.newBuilder(URI.create(BASE + "/console/payment.xhtml?id=" + paid.getString("id")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "TILLPOINT_CONSOLE=" + session)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.body()).contains("Refused").doesNotContain("Exception");

            // The session itself still works: the refusal was the forged post's only.
            b.open("/payment.xhtml?id=" + paid.getString("id"));
            assertThat(b.find("#status").getText()).isEqualTo("captured");
        }
        assertThat(payment(m, paid.getString("id")).getJsonNumber("amount_refunded").longValue()).isZero();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
