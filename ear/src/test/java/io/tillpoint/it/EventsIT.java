package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.probe.QueueProbe;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, events: every payment and refund change records its event in its own transaction,
 * and the relay publishes each event, after the commit, to both queues as a persistent message
 * with the contract's body and properties. The queues are read with a probe that browses them
 * (a servlet in a module added to the EAR for this test only).
 */
@ExtendWith(ArquillianExtension.class)
class EventsIT {

    static final String RISK = "tillpoint_risk";
    /** Commit to both queues: the relay's linger and a sweep, with room for a slow machine. */
    static final Duration RELAYED_WITHIN = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() throws IOException {
        EnterpriseArchive ear = ear();
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "it-probe.war").addClass(QueueProbe.class);
        ear.addAsModule(probe);
        ArchivePath descriptor = org.jboss.shrinkwrap.api.ArchivePaths.create("META-INF/application.xml");
        String xml;
        try (InputStream in = ear.get(descriptor).getAsset().openStream()) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ear.delete(descriptor);
        // Modules come before the library folder in the descriptor.
        ear.setApplicationXML(new StringAsset(xml.replace("<library-directory>",
                "<module><web><web-uri>it-probe.war</web-uri><context-root>/it-probe</context-root></web></module>"
                        + "<library-directory>")));
        // The risk consumer (RiskEvents) listens on a queue nobody sends to in this deployment, so the
        // risk queue keeps its messages for the probe to browse (a deployment descriptor's activation
        // config overrides the annotation's).
        ear.getAsType(JavaArchive.class, "tillpoint-ejb.jar").addAsManifestResource(new StringAsset(PARK_RISK_CONSUMER),
                "ejb-jar.xml");
        return ear;
    }

    static final String PARK_RISK_CONSUMER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
              <enterprise-beans>
                <message-driven>
                  <ejb-name>RiskEvents</ejb-name>
                  <activation-config>
                    <activation-config-property>
                      <activation-config-property-name>destination</activation-config-property-name>
                      <activation-config-property-value>tillpoint_risk_parked_by_events_it</activation-config-property-value>
                    </activation-config-property>
                  </activation-config>
                </message-driven>
              </enterprise-beans>
            </ejb-jar>
            """;

    @Test
    void a_captured_payment_is_one_event_on_each_queue_with_the_payment_as_the_api_shows_it() throws Exception {
        Merchant m = newMerchant();
        Reply created = post("/api/v1/payments", m.token(), cardPayment(1999, "USD", "automatic", VISA));
        assertThat(created.status()).isEqualTo(201);
        JsonObject payment = get("/api/v1/payments/" + created.json().getString("id"), m.token()).json();

        List<JsonObject> risk = awaitMessages(RISK, m, 1);

        assertThat(risk).hasSize(1);
        JsonObject message = risk.get(0);
        assertThat(message.getString("eventType")).isEqualTo("payment.captured");
        assertThat(message.getString("merchantId")).isEqualTo(m.id());
        assertThat(message.getBoolean("persistent")).isTrue();
        assertThat(awaitConsumedByWebhooks(risk)).as("the same event on the webhook queue").isEqualTo(1);
        JsonObject event = parse(message.getString("body"));
        assertThat(event.getString("id")).startsWith("evt_").isEqualTo(message.getString("eventId"));
        assertThat(event.getString("type")).isEqualTo("payment.captured");
        assertThat(event.getString("merchant_id")).isEqualTo(m.id());
        assertThat(event.getString("subject_id")).isEqualTo(payment.getString("id"));
        assertThat(Instant.parse(event.getString("created_at"))).isNotNull();
        assertThat(event.getJsonObject("data")).as("the payment exactly as GET shows it").isEqualTo(payment);
        JsonObject internal = event.getJsonObject("internal");
        assertThat(internal.getString("card_fingerprint")).isNotBlank()
                .isNotEqualTo(payment.getJsonObject("payment_method").getJsonObject("card").getString("fingerprint"));
        assertThat(internal.getString("bin")).isEqualTo("424242");
        assertThat(internal.getJsonNumber("amount").longValue()).isEqualTo(1999);
        assertThat(internal.getString("currency")).isEqualTo("USD");
        assertThat(internal.getString("capture")).isEqualTo("automatic");
        assertThat(message.getString("body")).doesNotContain(VISA);
        assertThat(Database.count("select count(*) from domain_event_outbox where merchant_id = ?", m.id()))
                .as("relayed events leave the outbox").isZero();
    }

    @Test
    void a_declined_payment_is_a_payment_declined_event_with_its_decline_code() throws Exception {
        Merchant m = newMerchant();
        Reply created = post("/api/v1/payments", m.token(), cardPayment(500, "USD", "automatic", "4000000000000002"));
        assertThat(created.json().getString("status")).isEqualTo("declined");

        JsonObject event = parse(awaitMessages(RISK, m, 1).get(0).getString("body"));

        assertThat(event.getString("type")).isEqualTo("payment.declined");
        assertThat(event.getJsonObject("data").getString("decline_code")).isEqualTo("card_declined");
        assertThat(event.getJsonObject("internal").getString("decline_code")).isEqualTo("card_declined");
        assertThat(awaitConsumedByWebhooks(awaitMessages(RISK, m, 1))).isEqualTo(1);
    }

    @Test
    void a_manual_payment_captured_and_refunded_records_each_change() throws Exception {
        Merchant m = newMerchant();
        String id = post("/api/v1/payments", m.token(), cardPayment(5000, "USD", "manual", VISA)).json()
                .getString("id");
        assertThat(post("/api/v1/payments/" + id + "/capture", m.token(), "{\"amount\":3000}").status()).isEqualTo(200);
        Reply refund = post("/api/v1/payments/" + id + "/refunds", m.token(), "{\"amount\":1000}");
        assertThat(refund.status()).isEqualTo(201);
        String refundId = refund.json().getString("id");

        List<JsonObject> risk = awaitMessages(RISK, m, 5);

        assertThat(types(risk)).containsExactlyInAnyOrder("payment.authorized", "payment.captured", "refund.pending",
                "refund.succeeded", "payment.refunded");
        assertThat(awaitConsumedByWebhooks(risk)).as("each of them on the webhook queue too").isEqualTo(5);
        JsonObject captured = event(risk, "payment.captured");
        assertThat(captured.getJsonObject("data").getJsonNumber("amount_captured").longValue()).isEqualTo(3000);
        JsonObject succeeded = event(risk, "refund.succeeded");
        assertThat(succeeded.getString("subject_id")).isEqualTo(refundId);
        assertThat(succeeded.getJsonObject("data").getString("status")).isEqualTo("succeeded");
        JsonObject refunded = event(risk, "payment.refunded");
        assertThat(refunded.getString("subject_id")).isEqualTo(id);
        assertThat(refunded.getJsonObject("data").getString("status")).isEqualTo("partially_refunded");
        assertThat(refunded.getJsonObject("data").getJsonNumber("amount_refunded").longValue()).isEqualTo(1000);
        assertThat(risk.stream().map(r -> r.getString("eventId")).distinct().count()).as("one id per event")
                .isEqualTo(5);
    }

    /** The messages for the merchant on the queue once there are at least {@code count} (oldest first). */
    static List<JsonObject> awaitMessages(String queue, Merchant m, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(RELAYED_WITHIN);
        while (true) {
            Reply r = get("/it-probe/queue?name=" + queue + "&merchant=" + m.id(), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<JsonObject> messages = parseArray(r.body()).getValuesAs(JsonObject.class).stream()
                    .sorted((a, b) -> a.getString("eventId").compareTo(b.getString("eventId")))
                    .collect(Collectors.toList());
            if (messages.size() >= count || Instant.now().isAfter(deadline)) {
                return messages;
            }
            Thread.sleep(100);
        }
    }

    /**
     * How many of these events (read from the risk queue) the webhook queue's consumer has taken,
     * once it took them all or the time is up. That queue has a consumer (WebhookEvents), so its
     * messages are not there to browse: each one it took is a row of {@code consumed_event}.
     */
    static long awaitConsumedByWebhooks(List<JsonObject> messages) throws Exception {
        List<String> ids = messages.stream().map(r -> r.getString("eventId")).toList();
        Instant deadline = Instant.now().plus(RELAYED_WITHIN);
        while (true) {
            long consumed = 0;
            for (String id : ids) {
                consumed += Database.count("select count(*) from consumed_event where consumer = 'webhooks' and event_id = ?",
                        id);
            }
            if (consumed >= ids.size() || Instant.now().isAfter(deadline)) {
                return consumed;
            }
            Thread.sleep(100);
        }
    }

    static JsonObject event(List<JsonObject> messages, String type) {
        return parse(messages.stream().filter(r -> r.getString("eventType").equals(type)).findFirst().orElseThrow()
                .getString("body"));
    }

    static List<String> types(List<JsonObject> messages) {
        return messages.stream().map(r -> r.getString("eventType")).collect(Collectors.toList());
    }

    static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    static JsonArray parseArray(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readArray();
        }
    }
}
