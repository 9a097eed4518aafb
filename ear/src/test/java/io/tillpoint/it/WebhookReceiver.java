package io.tillpoint.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A merchant's webhook receiver in the test JVM, on 127.0.0.1 and a port of the system's choosing:
 * it answers the first {@code failuresPerEvent} POSTs of each event with a 500 and the rest with
 * 200, keeps every request it got, and processes each event once, by its id, as a receiver must
 * (deliveries are at least once).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived. */
    record Request(Instant at, String body, JsonObject json, Map<String, List<String>> headers, int answered) {

        String eventId() {
            return json.getString("id");
        }

        String type() {
            return json.getString("type");
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The {@code v1} values of {@code Tillpoint-Signature}, in order. */
        List<String> signatures() {
            List<String> v1 = new ArrayList<>();
            for (String part : header("Tillpoint-Signature").split(",")) {
                if (part.startsWith("v1=")) {
                    v1.add(part.substring(3));
                }
            }
            return v1;
        }

        long signedAt() {
            return Long.parseLong(header("Tillpoint-Signature").split(",")[0].substring(2));
        }

        /** True when {@code signature} is HMAC-SHA256 of "t.body" under {@code secret}, as the contract says. */
        boolean signedWith(String secret, String signature) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal((signedAt() + "." + body).getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
            } catch (Exception e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final int failuresPerEvent;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> triesByEvent = new ConcurrentHashMap<>();
    private final Set<String> processed = ConcurrentHashMap.newKeySet();

    WebhookReceiver(int failuresPerEvent) throws IOException {
        this.failuresPerEvent = failuresPerEvent;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/hooks", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonObject json;
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            json = r.readObject();
        }
        int tries = triesByEvent.computeIfAbsent(json.getString("id"), id -> new AtomicInteger()).incrementAndGet();
        int status = tries <= failuresPerEvent ? 500 : 200;
        requests.add(new Request(at, body, json, Map.copyOf(exchange.getRequestHeaders()), status));
        if (status == 200) {
            processed.add(json.getString("id"));
        }
        byte[] answer = (status == 200 ? "{\"received\":true}" : "{\"error\":\"try again\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Every POST so far, in the order they arrived. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsFor(String eventId) {
        return requests.stream().filter(r -> r.eventId().equals(eventId)).toList();
    }

    /** The events processed, each once however often it came. */
    Set<String> processedEvents() {
        return new LinkedHashSet<>(processed);
    }

    /** Waits until {@code done} holds for the requests (within {@code most}); the requests then. */
    List<Request> awaitRequests(Predicate<List<Request>> done, Duration most) throws InterruptedException {
        Instant deadline = Instant.now().plus(most);
        while (!done.test(requests()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return requests();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
