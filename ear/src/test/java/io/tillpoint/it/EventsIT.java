package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.probe.ProbeConsumer;
import io.tillpoint.it.probe.ProbeControl;
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
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, events: every payment and refund change records its event in its own transaction,
 * and the relay publishes each event, after the commit, to both queues as a persistent message
 * with the contract's body and properties. The queues are read with a probe that browses them
 * (a servlet in a module added to the EAR for this test only). A consumer that keeps failing
 * rolls back each try and, after the fifth, leaves the message to the dead letters, which
 * operators list and send back to its queue; a consumer sees each event once however often it
 * arrives (the probe module's consumer, on a queue of its own, built on the product's base).
 * Last, the server (and with it the embedded broker) is killed in the middle of a burst of
 * payments and started again: every payment's event reaches both queues, once after dedup.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsIT {

    static final String RISK = "tillpoint_risk";
    static final String WEBHOOKS = "tillpoint_webhooks";
    /** Commit to both queues: the relay's linger and a sweep, with room for a slow machine. */
    static final Duration RELAYED_WITHIN = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() throws IOException {
        EnterpriseArchive ear = withoutConsumers(ear());
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "it-probe.war")
                .addClasses(QueueProbe.class, ProbeConsumer.class, ProbeControl.class)
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
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
        return ear;
    }

    /**
     * The gateway without its own message-driven beans, so that the queues keep what the relay put
     * there for the probe to browse (the consumers would take it at once). Everything else is the
     * real EAR.
     */
    static EnterpriseArchive withoutConsumers(EnterpriseArchive ear) throws IOException {
        String name = "tillpoint-ejb.jar";
        org.jboss.shrinkwrap.api.spec.JavaArchive ejb = ear.getAsType(org.jboss.shrinkwrap.api.spec.JavaArchive.class,
                name);
        byte[] marker = "Ljakarta/ejb/MessageDriven;".getBytes(StandardCharsets.US_ASCII);
        List<ArchivePath> consumers = new java.util.ArrayList<>();
        for (var entry : ejb.getContent().entrySet()) {
            if (entry.getKey().get().endsWith(".class") && entry.getValue().getAsset() != null) {
                try (InputStream in = entry.getValue().getAsset().openStream()) {
                    if (contains(in.readAllBytes(), marker)) {
                        consumers.add(entry.getKey());
                    }
                }
            }
        }
        if (consumers.isEmpty()) {
            return ear;
        }
        consumers.forEach(ejb::delete);
        ear.delete(name);
        ear.addAsModule(ejb);
        return ear;
    }

    private static boolean contains(byte[] bytes, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void a_captured_payment_is_one_event_on_each_queue_with_the_payment_as_the_api_shows_it() throws Exception {
        Merchant m = newMerchant();
        Reply created = post("/api/v1/payments", m.token(), cardPayment(1999, "USD", "automatic", VISA));
        assertThat(created.status()).isEqualTo(201);
        JsonObject payment = get("/api/v1/payments/" + created.json().getString("id"), m.token()).json();

        List<JsonObject> risk = awaitMessages(RISK, m, 1);
        List<JsonObject> webhooks = awaitMessages(WEBHOOKS, m, 1);

        assertThat(risk).hasSize(1);
        assertThat(webhooks).hasSize(1);
        JsonObject message = risk.get(0);
        assertThat(message.getString("eventType")).isEqualTo("payment.captured");
        assertThat(message.getString("merchantId")).isEqualTo(m.id());
        assertThat(message.getBoolean("persistent")).isTrue();
        assertThat(webhooks.get(0).getString("body")).as("the same event on both queues").isEqualTo(message.getString("body"));
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
        assertThat(awaitMessages(WEBHOOKS, m, 1)).hasSize(1);
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
        List<JsonObject> webhooks = awaitMessages(WEBHOOKS, m, 5);

        assertThat(types(risk)).containsExactlyInAnyOrder("payment.authorized", "payment.captured", "refund.pending",
                "refund.succeeded", "payment.refunded");
        assertThat(types(webhooks)).containsExactlyInAnyOrderElementsOf(types(risk));
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

    @Test
    void a_consumer_that_keeps_failing_dead_letters_the_event_and_an_operator_replays_it_once_fixed() throws Exception {
        Merchant m = newMerchant();
        // Letters in it: a run of 12 to 19 digits would be masked if it passed Luhn, one in ten does.
        String subject = "pay_probe" + Long.toString(System.nanoTime(), 36);
        probe("op=fail&subject=" + subject + "&on=true");
        String eventId = probe("op=send&copies=1&merchant=" + m.id() + "&subject=" + subject);

        JsonObject letter = awaitDeadLetter(eventId);

        assertThat(letter.getString("id")).startsWith("dlq_");
        assertThat(letter.getString("consumer")).isEqualTo(ProbeConsumer.NAME);
        assertThat(letter.getString("queue")).isEqualTo(ProbeConsumer.QUEUE);
        assertThat(letter.getString("event_type")).isEqualTo("payment.captured");
        assertThat(letter.getString("merchant_id")).isEqualTo(m.id());
        assertThat(letter.getInt("deliveries")).as("five failed tries").isEqualTo(5);
        assertThat(letter.getString("last_error")).contains("the probe was told to fail on " + subject)
                .contains("424242******4242").doesNotContain(VISA);
        assertThat(letter.getJsonObject("message").getString("id")).isEqualTo(eventId);
        assertThat(isNull(letter, "replayed_at")).isTrue();
        assertThat(handled(eventId)).as("a failed try commits nothing").isZero();
        assertThat(Database.count("select count(*) from consumer_failure where event_id = ?", eventId)).isZero();
        assertThat(Database.count("select count(*) from consumed_event where event_id = ?", eventId)).isZero();
        String metrics = get("/metrics", platformToken()).body();
        assertThat(metrics).contains("tillpoint_events_dead_letters_total{consumer=\"it-probe\"")
                .contains("tillpoint_events_consumer_failures_total{consumer=\"it-probe\"")
                .contains("tillpoint_events_relayed_total");

        probe("op=fail&subject=" + subject + "&on=false");
        String key = "replay-" + System.nanoTime();
        String path = "/api/v1/admin/dead-letters/" + letter.getString("id") + "/replay";
        Reply replayed = post(path, platformToken(), null, key);
        Reply again = post(path, platformToken(), null, key);
        Reply twice = post(path, platformToken(), null, "replay-" + System.nanoTime());

        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().getString("replayed_at")).isNotBlank();
        assertThat(replayed.json().getString("replayed_by")).isEqualTo("platform");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(replayed.body());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().getString("code")).isEqualTo("already_replayed");
        awaitHandled(eventId, 1);
        assertThat(Database.count("select count(*) from consumed_event where consumer = ? and event_id = ?",
                ProbeConsumer.NAME, eventId)).isEqualTo(1);
        assertThat(Database.count("select count(*) from audit_entry where action = 'dead_letter.replayed'"
                + " and target_id = ? and actor_id = 'platform'", letter.getString("id"))).isEqualTo(1);
        Reply listed = get("/api/v1/admin/dead-letters?limit=100", platformToken());
        assertThat(listed.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .as("a replayed letter is listed only on request")
                .noneMatch(l -> l.getString("id").equals(letter.getString("id")));
        Reply all = get("/api/v1/admin/dead-letters?limit=100&include_replayed=true", platformToken());
        assertThat(all.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .anyMatch(l -> l.getString("id").equals(letter.getString("id")));
    }

    @Test
    void an_event_delivered_three_times_is_handled_once() throws Exception {
        Merchant m = newMerchant();
        String eventId = probe("op=send&copies=3&merchant=" + m.id() + "&subject=pay_dup" + Long.toString(System.nanoTime(), 36));

        awaitHandled(eventId, 1);
        awaitMessages(ProbeConsumer.QUEUE, m, 0, true);

        assertThat(handled(eventId)).isEqualTo(1);
        assertThat(Database.count("select count(*) from consumed_event where consumer = ? and event_id = ?",
                ProbeConsumer.NAME, eventId)).isEqualTo(1);
    }

    @Test
    void a_batch_with_a_failing_event_commits_the_others_once_and_dead_letters_only_that_one() throws Exception {
        Merchant m = newMerchant();
        String tag = Long.toString(System.nanoTime(), 36);
        String failing = "pay_probebad" + tag;
        probe("op=fail&subject=" + failing + "&on=true");
        String[] ids = probe("op=send-batch&copies=1&merchant=" + m.id() + "&subject=pay_probeone" + tag + "," + failing
                + ",pay_probetwo" + tag).trim().split(",");
        assertThat(ids).hasSize(3);

        JsonObject letter = awaitDeadLetter(ids[1]);
        awaitHandled(ids[0], 1);
        awaitHandled(ids[2], 1);

        // The probe counts calls, not commits: the first event was handled in the batch's try that
        // the failing one rolled back, then alone; the last one was not reached in the batch.
        assertThat(handled(ids[0])).as("in the rolled-back batch, then alone").isEqualTo(2);
        assertThat(handled(ids[2])).as("alone only").isEqualTo(1);
        assertThat(handled(ids[1])).isZero();
        assertThat(letter.getInt("deliveries")).as("its own five tries").isEqualTo(5);
        assertThat(letter.getJsonObject("message").getString("id")).as("the letter holds that event alone")
                .isEqualTo(ids[1]);
        for (String id : new String[] {ids[0], ids[2]}) {
            assertThat(Database.count("select count(*) from consumed_event where consumer = ? and event_id = ?",
                    ProbeConsumer.NAME, id)).isEqualTo(1);
        }
        assertThat(Database.count("select count(*) from consumed_event where event_id = ?", ids[1])).isZero();
        assertThat(deadLetters()).as("the others are no dead letters")
                .noneMatch(l -> ids[0].equals(l.getString("event_id", null)) || ids[2].equals(l.getString("event_id", null)));
        assertThat(get("/metrics", platformToken()).body()).contains("tillpoint_events_batch_splits_total{consumer=\"it-probe\"");
        probe("op=fail&subject=" + failing + "&on=false");
    }

    @Test
    void a_batch_delivered_twice_is_handled_once() throws Exception {
        Merchant m = newMerchant();
        String tag = Long.toString(System.nanoTime(), 36);
        String[] ids = probe("op=send-batch&copies=2&merchant=" + m.id() + "&subject=pay_probea" + tag
                + ",pay_probeb" + tag).trim().split(",");

        awaitHandled(ids[0], 1);
        awaitHandled(ids[1], 1);
        awaitMessages(ProbeConsumer.QUEUE, m, 0, true);

        assertThat(handled(ids[0])).isEqualTo(1);
        assertThat(handled(ids[1])).isEqualTo(1);
        assertThat(Database.count("select count(*) from consumed_event where consumer = ? and event_id in (?, ?)",
                ProbeConsumer.NAME, ids[0], ids[1])).isEqualTo(2);
    }

    @Test
    void a_message_that_is_not_an_event_is_dead_lettered_at_once_and_cannot_be_replayed() throws Exception {
        Merchant m = newMerchant();
        probe("op=send-garbage&merchant=" + m.id());

        JsonObject letter = await(() -> deadLetters().stream().filter(l -> isNull(l, "event_id")
                && m.id().equals(l.getString("merchant_id", null))).findFirst().orElse(null));

        assertThat(letter.getInt("deliveries")).isEqualTo(1);
        assertThat(letter.getString("message")).isEqualTo("not an event, card 424242******4242");
        Reply replay = post("/api/v1/admin/dead-letters/" + letter.getString("id") + "/replay", platformToken(), null);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().getString("code")).isEqualTo("not_replayable");
    }

    @Test
    void the_dead_letter_api_is_for_operators_and_pages_newest_first() throws Exception {
        Merchant m = newMerchant();
        assertThat(get("/api/v1/admin/dead-letters", m.token()).status()).isEqualTo(403);
        assertThat(get("/api/v1/admin/dead-letters", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/admin/dead-letters?limit=0", platformToken()).status()).isEqualTo(400);
        assertThat(get("/api/v1/admin/dead-letters?limit=101", platformToken()).status()).isEqualTo(400);
        assertThat(get("/api/v1/admin/dead-letters?starting_after=dlq_nothing", platformToken()).status()).isEqualTo(400);
        assertThat(post("/api/v1/admin/dead-letters/dlq_nothing/replay", platformToken(), null).status()).isEqualTo(404);
        assertThat(post("/api/v1/admin/dead-letters/x'y/replay", platformToken(), null).status()).isEqualTo(404);
        probe("op=send-garbage&merchant=" + m.id());
        probe("op=send-garbage&merchant=" + m.id());
        await(() -> deadLetters().stream().filter(l -> m.id().equals(l.getString("merchant_id", null))).count() == 2
                ? Boolean.TRUE : null);

        JsonObject first = get("/api/v1/admin/dead-letters?limit=1", platformToken()).json();
        JsonObject next = get("/api/v1/admin/dead-letters?limit=1&starting_after="
                + first.getJsonArray("data").getJsonObject(0).getString("id"), platformToken()).json();

        assertThat(first.getBoolean("has_more")).isTrue();
        JsonObject newer = first.getJsonArray("data").getJsonObject(0);
        JsonObject older = next.getJsonArray("data").getJsonObject(0);
        assertThat(older.getString("id")).isNotEqualTo(newer.getString("id"));
        assertThat(Instant.parse(older.getString("dead_at"))).isBeforeOrEqualTo(Instant.parse(newer.getString("dead_at")));
    }

    /**
     * Issue 18: "a broker restart in the middle of a burst loses no event". The embedded broker
     * lives in the server's JVM and cannot restart alone, so the whole server is killed (SIGKILL:
     * nothing is flushed, no relay round finishes) while four clients make payments, and started
     * again. Clients retry each payment with its key until it is answered, as good clients do.
     * Runs last: the server it leaves is the one the following test classes use.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void a_server_killed_in_the_middle_of_a_burst_loses_no_event() throws Exception {
        Merchant m = newMerchant();
        int clients = 4;
        int perClient = 30;
        java.util.Map<String, String> paymentIdsByKey = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    String key = "burst-" + client + "-" + i + "-" + System.nanoTime();
                    paymentIdsByKey.put(key, payUntilAnswered(m, key, cardPayment(1000 + i, "USD", "automatic", VISA)));
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        await(() -> answered.get() >= clients * perClient / 3 ? Boolean.TRUE : null);
        killAndRestartServer();
        for (java.util.concurrent.Future<?> f : work) {
            f.get(5, java.util.concurrent.TimeUnit.MINUTES);
        }
        pool.shutdown();
        java.util.Set<String> payments = new java.util.HashSet<>(paymentIdsByKey.values());
        assertThat(payments).hasSize(clients * perClient);
        // A payment in flight at the kill is resolved by recovery: captured, or declined when the
        // sandbox lost its decision with the kill (docs/architecture.md, "The sandbox's memory").
        java.util.Map<String, String> finalEventByPayment = new java.util.HashMap<>();
        for (String id : payments) {
            String status = await(() -> {
                String s = get("/api/v1/payments/" + id, m.token()).json().getString("status");
                return s.equals("processing") ? null : s;
            });
            assertThat(status).as(id).isIn("captured", "declined");
            finalEventByPayment.put(id, "payment." + status);
        }

        for (String queue : List.of(RISK, WEBHOOKS)) {
            List<JsonObject> messages = awaitFinalEvents(queue, m, payments.size());
            java.util.Map<String, java.util.Set<String>> finalIdsByPayment = new java.util.HashMap<>();
            for (JsonObject message : messages) {
                String subject = parse(message.getString("body")).getString("subject_id");
                if (message.getString("eventType").equals(finalEventByPayment.get(subject))) {
                    finalIdsByPayment.computeIfAbsent(subject, p -> new java.util.HashSet<>()).add(message.getString("eventId"));
                }
            }
            assertThat(finalIdsByPayment.keySet()).as("every payment's final event reached " + queue)
                    .containsExactlyInAnyOrderElementsOf(payments);
            assertThat(finalIdsByPayment.values()).as("one final event per payment (after dedup)")
                    .allMatch(ids -> ids.size() == 1);
            long distinct = messages.stream().map(x -> x.getString("eventId")).distinct().count();
            System.out.println("[EventsIT] " + queue + ": " + messages.size() + " messages, " + distinct
                    + " distinct events for " + payments.size() + " payments, "
                    + finalEventByPayment.values().stream().filter("payment.declined"::equals).count()
                    + " declined by recovery");
        }
        assertThat(Database.count("select count(*) from domain_event_outbox where merchant_id = ?", m.id())).isZero();
    }

    /** Posts the payment with its key until the gateway answers 201 (the same payment every time); its id. */
    static String payUntilAnswered(Merchant m, String key, String body) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            try {
                Reply r = post("/api/v1/payments", m.token(), body, key);
                if (r.status() == 201) {
                    return r.json().getString("id");
                }
                // 409 idempotency_in_progress (the instance died between its two transactions:
                // recovery resolves it), 503 while it starts, Payara's own 404/500 pages before the
                // application is loaded: ask again.
            } catch (IllegalStateException e) {
                // connection refused while the server is down
            }
            Thread.sleep(200);
        }
        throw new AssertionError("payment " + key + " was never answered");
    }

    /** SIGKILL to the server of the test domain, then the domain started again as Arquillian started it. */
    static void killAndRestartServer() throws Exception {
        java.nio.file.Path domain = java.nio.file.Path.of(System.getProperty("payara.home"), "glassfish", "domains",
                "tillpoint-test");
        long pid = Long.parseLong(java.nio.file.Files.readString(domain.resolve("config/pid")).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        Process start = new ProcessBuilder(System.getProperty("payara.home") + "/bin/asadmin", "start-domain",
                "tillpoint-test").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(start.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as("start-domain returned").isTrue();
        assertThat(start.exitValue()).as("start-domain succeeded").isZero();
        // start-domain returns when the server is up, while it still loads the EAR's modules one by
        // one: the API may answer before the probe module does (404 until then).
        Instant deadline = Instant.now().plusSeconds(180);
        while (get("/it-probe/control?op=handled&event=evt_none", null).status() != 200) {
            assertThat(Instant.now()).as("the probe module is loaded again").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /** The merchant's messages on the queue once at least {@code payments} of them are captures. */
    /** The queue's messages for the merchant once {@code payments} payments have a captured or declined event there. */
    static List<JsonObject> awaitFinalEvents(String queue, Merchant m, int payments) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            List<JsonObject> messages = awaitMessages(queue, m, 0);
            long finals = messages.stream().filter(x -> x.getString("eventType").matches("payment\\.(captured|declined)"))
                    .map(x -> parse(x.getString("body")).getString("subject_id")).distinct().count();
            if (finals >= payments || Instant.now().isAfter(deadline)) {
                return messages;
            }
            Thread.sleep(500);
        }
    }

    static String probe(String query) {
        Reply r = send(request("/it-probe/control?" + query, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static int handled(String eventId) {
        return Integer.parseInt(get("/it-probe/control?op=handled&event=" + eventId, null).body().trim());
    }

    static void awaitHandled(String eventId, int times) throws InterruptedException {
        await(() -> handled(eventId) >= times ? Boolean.TRUE : null);
    }

    static List<JsonObject> deadLetters() {
        Reply r = get("/api/v1/admin/dead-letters?limit=100&include_replayed=true", platformToken());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    static JsonObject awaitDeadLetter(String eventId) throws InterruptedException {
        return await(() -> deadLetters().stream().filter(l -> eventId.equals(l.getString("event_id", null))).findFirst()
                .orElse(null));
    }

    /** {@code probe}'s first non-null answer; fails after {@link #RELAYED_WITHIN}. */
    static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(RELAYED_WITHIN);
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** The messages for the merchant on the queue once there are at least {@code count} (oldest first). */
    static List<JsonObject> awaitMessages(String queue, Merchant m, int count) throws InterruptedException {
        return awaitMessages(queue, m, count, false);
    }

    /** As above; with {@code atMost}, once there are at most {@code count} (the others consumed). */
    static List<JsonObject> awaitMessages(String queue, Merchant m, int count, boolean atMost)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(RELAYED_WITHIN);
        while (true) {
            Reply r = get("/it-probe/queue?name=" + queue + "&merchant=" + m.id(), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<JsonObject> messages = parseArray(r.body()).getValuesAs(JsonObject.class).stream()
                    .sorted((a, b) -> a.getString("eventId").compareTo(b.getString("eventId")))
                    .collect(Collectors.toList());
            if ((atMost ? messages.size() <= count : messages.size() >= count) || Instant.now().isAfter(deadline)) {
                return messages;
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
