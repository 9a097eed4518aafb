package io.tillpoint.infrastructure.webhook;

import io.tillpoint.domain.model.webhook.DeliveryAttempt;
import io.tillpoint.domain.model.webhook.WebhookTransport;
import io.tillpoint.domain.model.webhook.WebhookUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST over a socket of its own, to the very address that was checked: an HTTP
 * client library would look the host up again, and a name that answered with a public address
 * for the check could answer with a private one for the connection (DNS rebinding). Over https the
 * TLS handshake still names the host (SNI) and checks its certificate against it. Everything
 * (connect, handshake, request, answer) fits in one deadline; the answer's status line, headers
 * and the start of its body are read, then the connection is closed ({@code Connection: close}).
 * A redirect is an answer like any other: never followed.
 */
@ApplicationScoped
public class SocketWebhookTransport implements WebhookTransport {

    /** The most of an answer's headers read; a receiver that sends more is not an HTTP answer. */
    private static final int MOST_HEADER_BYTES = 16 * 1024;
    /** The most of an answer's body read, for the excerpt. */
    private static final int MOST_BODY_BYTES = 1024;

    @Override
    public DeliveryAttempt post(WebhookUrl url, InetAddress address, Map<String, String> headers, byte[] body,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket raw = new Socket()) {
            raw.setTcpNoDelay(true);
            raw.connect(new InetSocketAddress(address, url.port()), remainingMs(deadline));
            Socket socket = raw;
            if (url.https()) {
                socket = tls(raw, url, deadline);
            }
            try (Socket open = socket) {
                OutputStream out = open.getOutputStream();
                out.write(request(url, headers, body));
                out.write(body);
                out.flush();
                return read(open, deadline);
            }
        } catch (SocketTimeoutException e) {
            return DeliveryAttempt.noAnswer("no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return DeliveryAttempt.noAnswer("connection refused");
        } catch (SSLException e) {
            return DeliveryAttempt.noAnswer("TLS failed (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            return DeliveryAttempt.noAnswer("connection failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Socket tls(Socket raw, WebhookUrl url, long deadline) throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(raw, url.host(), url.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(remainingMs(deadline));
        tls.startHandshake();
        return tls;
    }

    static byte[] request(WebhookUrl url, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(512)
                .append("POST ").append(url.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.hostHeader()).append("\r\n");
        headers.forEach((name, value) -> {
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header value on more than one line: " + name);
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The status line, the headers and up to {@link #MOST_BODY_BYTES} of the body, within the deadline. */
    static DeliveryAttempt read(Socket socket, long deadline) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
        String statusLine = line(socket, in, deadline);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            return DeliveryAttempt.noAnswer("not an HTTP answer");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            return DeliveryAttempt.noAnswer("not an HTTP answer");
        }
        boolean chunked = false;
        long length = -1;
        int headerBytes = 0;
        for (String header = line(socket, in, deadline); header != null && !header.isEmpty();
                header = line(socket, in, deadline)) {
            headerBytes += header.length() + 2;
            if (headerBytes > MOST_HEADER_BYTES) {
                return DeliveryAttempt.noAnswer("not an HTTP answer (headers too long)");
            }
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException ignored) {
                    // read what comes
                }
            }
        }
        String excerpt = chunked ? firstChunks(socket, in, deadline)
                : bytes(socket, in, deadline, length < 0 ? MOST_BODY_BYTES : (int) Math.min(length, MOST_BODY_BYTES));
        return DeliveryAttempt.answered(status, excerpt);
    }

    private static String firstChunks(Socket socket, InputStream in, long deadline) throws IOException {
        StringBuilder body = new StringBuilder();
        while (body.length() < MOST_BODY_BYTES) {
            String sizeLine = line(socket, in, deadline);
            if (sizeLine == null) {
                break;
            }
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size <= 0) {
                break;
            }
            body.append(bytes(socket, in, deadline, Math.min(size, MOST_BODY_BYTES - body.length())));
            if (size > MOST_BODY_BYTES - body.length()) {
                break;
            }
            line(socket, in, deadline);
        }
        return body.toString();
    }

    /** Up to {@code most} bytes, fewer when the answer ends first, as UTF-8. */
    private static String bytes(Socket socket, InputStream in, long deadline, int most) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(most, 0));
        byte[] buffer = new byte[Math.max(most, 1)];
        while (out.size() < most) {
            socket.setSoTimeout(remainingMs(deadline));
            int n = in.read(buffer, 0, most - out.size());
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One line without its CRLF (ISO-8859-1, at most 8 KiB); null at the end of the stream. */
    private static String line(Socket socket, InputStream in, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            socket.setSoTimeout(remainingMs(deadline));
            int c = in.read();
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= 8192) {
                throw new IOException("line too long");
            }
            line.append((char) c);
        }
    }

    /** What is left of the deadline, at least 1 ms; none left is a timeout. */
    private static int remainingMs(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }
}
