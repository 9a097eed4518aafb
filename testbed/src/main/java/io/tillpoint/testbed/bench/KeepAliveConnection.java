package io.tillpoint.testbed.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client's HTTP/1.1 keep-alive connection, written for the load generator: a blocking
 * socket, a request written in one go, a response read by Content-Length or chunks. It costs a
 * fraction of the CPU of java.net.http per request, which matters when the load generator
 * shares the cores with the server it measures (pgbench, its C counterpart, is as light).
 * Not a general HTTP client: no TLS, no redirects, no 1xx, no compression.
 */
public final class KeepAliveConnection implements AutoCloseable {

    /** A status code, the body as text, and whether it was an idempotent replay (header {@code Idempotent-Replayed: true}). */
    public record Answer(int status, String body, boolean replayed) {
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public KeepAliveConnection(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    /** POSTs a JSON body; {@code headers} are complete header lines ("Name: value"). */
    public Answer postJson(String path, String body, String... headers) throws IOException {
        return send("POST", path, "application/json", body, headers);
    }

    /** POSTs a body of {@code contentType} (also what it accepts back); {@code headers} as for {@link #postJson}. */
    public Answer post(String path, String contentType, String body, String... headers) throws IOException {
        return send("POST", path, contentType, body, headers);
    }

    /** GETs a JSON document; {@code headers} are complete header lines ("Name: value"). */
    public Answer get(String path, String... headers) throws IOException {
        return send("GET", path, "application/json", null, headers);
    }

    private Answer send(String method, String path, String contentType, String body, String... headers) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256 + 64 * headers.length)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append(body == null ? "" : "Content-Type: " + contentType + "\r\n").append("Accept: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            // The server may close an idle keep-alive connection at any time: one fresh attempt.
            // (Safe for the bench and the drill: every payment carries an Idempotency-Key, and a GET
            // changes nothing.)
            return exchange(request);
        }
    }

    private Answer exchange(byte[] request) throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            if (s.getLocalPort() == port && s.getLocalAddress().equals(s.getInetAddress())) {
                // TCP self-connect: with nothing listening on a loopback port inside the ephemeral
                // range, the kernel can pick that very port as the source and connect the socket to
                // itself. It would then hold the port the server is about to bind.
                s.close();
                throw new ConnectException("connected to itself (nothing listens on port " + port + ")");
            }
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = s.getOutputStream();
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + Redact.body(statusLine));
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        boolean replayed = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "idempotent-replayed" -> replayed = value.equalsIgnoreCase("true");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("connection closed inside a response body");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Answer(status, new String(body, StandardCharsets.UTF_8), replayed);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("connection closed inside a chunk");
            }
            body.write(chunk);
            line();
        }
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
