package io.tillpoint.infrastructure.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.webhook.DeliveryAttempt;
import io.tillpoint.domain.model.webhook.WebhookUrl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The POST to a receiver, against a socket server in the test: the request it writes, the answer
 * it reads, and what it never does (follow a redirect, look the host up again, wait past its time).
 */
class SocketWebhookTransportTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    private final SocketWebhookTransport transport = new SocketWebhookTransport();
    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /** Answers one connection with {@code answer} (or nothing, after {@code silentMs}); returns what it got. */
    private CompletableFuture<String> answerOnce(String answer, long silentMs) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket client = server.accept()) {
                client.setSoTimeout(5000);
                String request = readRequest(client.getInputStream());
                if (silentMs > 0) {
                    Thread.sleep(silentMs);
                } else {
                    client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                }
                return request;
            } catch (Exception e) {
                return "failed: " + e;
            }
        });
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int contentLength = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            got.write(c);
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                if (contentLength < 0) {
                    String head = text.substring(0, end).toLowerCase();
                    int at = head.indexOf("content-length: ");
                    contentLength = Integer.parseInt(head.substring(at + 16).split("\r\n")[0].strip());
                }
                if (got.size() >= end + 4 + contentLength) {
                    break;
                }
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** A URL on a host name that resolves nowhere: only the pinned address can be reached. */
    private WebhookUrl url(String path) {
        return WebhookUrl.parse("http://receiver.invalid:" + server.getLocalPort() + path);
    }

    private DeliveryAttempt post(String path, Duration timeout) {
        return transport.post(url(path), InetAddress.getLoopbackAddress(),
                Map.of("Content-Type", "application/json", "Tillpoint-Signature", "t=1,v1=ab"), BODY, timeout);
    }

    @Test
    void itPostsTheExactBodyWithItsHeadersToThePinnedAddressUnderTheUrlsHostName() throws Exception {
        CompletableFuture<String> received = answerOnce("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 0);

        DeliveryAttempt attempt = post("/hooks/tillpoint?shop=7", Duration.ofSeconds(5));

        String request = received.get(5, TimeUnit.SECONDS);
        assertThat(request).startsWith("POST /hooks/tillpoint?shop=7 HTTP/1.1\r\n")
                .contains("\r\nHost: receiver.invalid:" + server.getLocalPort() + "\r\n")
                .contains("\r\nTillpoint-Signature: t=1,v1=ab\r\n")
                .contains("\r\nContent-Length: " + BODY.length + "\r\n")
                .contains("\r\nConnection: close\r\n")
                .endsWith("\r\n\r\n{\"id\":\"evt_1\"}");
        assertThat(attempt.delivered()).isTrue();
        assertThat(attempt.responseStatus()).isEqualTo(200);
        assertThat(attempt.excerpt()).isEqualTo("ok");
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        answerOnce("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://169.254.169.254/latest\r\nContent-Length: 0\r\n\r\n", 0);

        DeliveryAttempt attempt = post("/", Duration.ofSeconds(5));

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.responseStatus()).isEqualTo(307);
        assertThat(attempt.error()).contains("redirect not followed");
    }

    @Test
    void aChunkedErrorAnswerIsReadForItsExcerpt() {
        answerOnce("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nbusy \r\n4\r\nnow!\r\n0\r\n\r\n", 0);

        DeliveryAttempt attempt = post("/", Duration.ofSeconds(5));

        assertThat(attempt.responseStatus()).isEqualTo(503);
        assertThat(attempt.excerpt()).isEqualTo("busy now!");
        assertThat(attempt.error()).isEqualTo("answered 503");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsATimeout() {
        answerOnce(null, 3000);

        DeliveryAttempt attempt = post("/", Duration.ofMillis(300));

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.responseStatus()).isNull();
        assertThat(attempt.error()).isEqualTo("no answer within 300 ms");
    }

    @Test
    void aClosedPortIsARefusedConnection() throws IOException {
        WebhookUrl url = url("/");
        server.close();

        DeliveryAttempt attempt = transport.post(url, InetAddress.getLoopbackAddress(), Map.of(), BODY, Duration.ofSeconds(2));

        assertThat(attempt.error()).isEqualTo("connection refused");
    }

    @Test
    void somethingThatIsNotHttpIsNoAnswer() {
        answerOnce("SSH-2.0-OpenSSH_9.6\r\n", 0);

        assertThat(post("/", Duration.ofSeconds(5)).error()).isEqualTo("not an HTTP answer");
    }
}
