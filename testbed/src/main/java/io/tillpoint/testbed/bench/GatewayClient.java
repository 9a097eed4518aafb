package io.tillpoint.testbed.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The set-up calls of the bench and the drill (tokens, merchant onboarding) over java.net.http; the
 * payments go through {@link KeepAliveConnection}.
 */
public final class GatewayClient {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;

    public GatewayClient(URI base) {
        this.base = base;
        // HTTP/1.1: no h2c upgrade dance; the client keeps a pool of keep-alive connections
        // (one per concurrently busy thread).
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Client-credentials grant; returns the access token or throws with a safe description. */
    public String token(String clientId, String clientSecret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/oauth/token"))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String token = Json.stringField(response.body(), "access_token");
        if (response.statusCode() != 200 || token == null) {
            throw new IOException("token request for client '" + clientId + "' answered HTTP " + response.statusCode()
                    + ": " + Redact.body(response.body()));
        }
        return token;
    }

    /** Registers one merchant; returns {client_id, client_secret, id}. */
    public String[] createMerchant(String platformToken, String name) throws IOException, InterruptedException {
        String body = "{\"name\":" + Json.quote(name) + ",\"country\":\"US\",\"default_currency\":\"USD\","
                + "\"pricing\":{\"percent_bps\":290,\"fixed\":30}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/admin/merchants"))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + platformToken)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Idempotency-Key", "bench-merchant-" + name.replace(' ', '-'))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String clientId = Json.stringField(response.body(), "client_id");
        String clientSecret = Json.stringField(response.body(), "client_secret");
        if (response.statusCode() != 201 || clientId == null || clientSecret == null) {
            throw new IOException("merchant registration answered HTTP " + response.statusCode() + ": "
                    + Redact.body(response.body()));
        }
        return new String[] {clientId, clientSecret, Json.stringField(response.body(), "id")};
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
