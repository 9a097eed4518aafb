package io.tillpoint.interfaces.rest;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A request's body, read whole before the request works: at most {@value #MOST_BYTES} bytes
 * (64 KiB, the contract's limit). A larger body is not kept: up to {@value #MOST_DRAINED} bytes
 * of it are read and dropped, so that a client that sends its whole body before it reads the
 * answer (java.net.http does) gets its 413 instead of a stalled connection; the connection is
 * closed on anything larger.
 */
public final class RequestBody {

    static final int MOST_BYTES = 64 * 1024;
    static final int MOST_DRAINED = 1024 * 1024;

    private static final byte[] NONE = new byte[0];

    private final byte[] bytes;
    private final boolean tooLarge;
    private final boolean readToEnd;

    private RequestBody(byte[] bytes, boolean tooLarge, boolean readToEnd) {
        this.bytes = bytes;
        this.tooLarge = tooLarge;
        this.readToEnd = readToEnd;
    }

    /**
     * Reads {@code in} to its end, or until it is known to be too large; {@code declaredLength}
     * is the request's Content-Length (-1 without one, as for a chunked body).
     */
    public static RequestBody read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MOST_BYTES) {
            return new RequestBody(NONE, true, drain(in, MOST_DRAINED));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 256);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > MOST_BYTES) {
                return new RequestBody(NONE, true, drain(in, MOST_DRAINED - out.size()));
            }
        }
        return new RequestBody(out.size() == 0 ? NONE : out.toByteArray(), false, true);
    }

    /** Reads and drops up to {@code most} bytes; true when that was the end of the body. */
    private static boolean drain(InputStream in, long most) throws IOException {
        byte[] buffer = new byte[8192];
        long left = most;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n == -1) {
                return true;
            }
            left -= n;
        }
        return in.read() == -1;
    }

    /** Over {@value #MOST_BYTES} bytes: the answer is 413, and nothing else happens. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** Whether the client sent nothing more than what was read (else the connection must close). */
    public boolean readToEnd() {
        return readToEnd;
    }

    /** The body (empty when there was none, or when it was too large). */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * The request as the rest of the chain sees it: its body is these bytes (JAX-RS reads them
     * again from its input stream), kept in {@link ApiRequest#BODY}, and an over-sized one marked
     * {@link ApiRequest#BODY_TOO_LARGE}.
     */
    public HttpServletRequest attachTo(HttpServletRequest request) {
        request.setAttribute(ApiRequest.BODY, bytes);
        if (tooLarge) {
            request.setAttribute(ApiRequest.BODY_TOO_LARGE, Boolean.TRUE);
        }
        return new Buffered(request, bytes);
    }

    /** A request whose body was read already. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }

        private Charset charset() {
            String name = getCharacterEncoding();
            try {
                return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
