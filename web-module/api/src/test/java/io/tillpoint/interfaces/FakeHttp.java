package io.tillpoint.interfaces;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** A servlet request and response as a filter sees them, without a container. */
public final class FakeHttp {

    private FakeHttp() {
    }

    /** A request: a URI, headers, maybe a signed-in caller, maybe a body. */
    public static final class Request {
        public String method = "POST";
        public String uri = "/api/v1/payments";
        public boolean secure;
        public Principal caller;
        public long contentLength = -1;
        public InputStream body = new ByteArrayInputStream(new byte[0]);
        public final Map<String, String> headers = new HashMap<>();
        public final Map<String, Object> attributes = new HashMap<>();
        public final java.util.Set<String> roles = new java.util.HashSet<>();

        public Request uri(String value) {
            uri = value;
            return this;
        }

        public Request signedIn(String name) {
            caller = () -> name;
            return this;
        }

        public Request body(byte[] bytes) {
            body = new ByteArrayInputStream(bytes);
            contentLength = bytes.length;
            return this;
        }

        public Request chunkedBody(byte[] bytes) {
            body = new ByteArrayInputStream(bytes);
            contentLength = -1;
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public HttpServletRequest proxy() {
            ServletInputStream in = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return body.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return body.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                }
            };
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getRequestURI" -> uri;
                        case "getContextPath" -> "";
                        case "isSecure" -> secure;
                        case "getUserPrincipal" -> caller;
                        case "isUserInRole" -> caller != null && roles.contains((String) args[0]);
                        case "getContentLengthLong" -> contentLength;
                        case "getContentLength" -> (int) contentLength;
                        case "getInputStream" -> in;
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> {
                            attributes.put((String) args[0], args[1]);
                            yield null;
                        }
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "getCharacterEncoding" -> null;
                        case "toString" -> "FakeHttp.Request " + method + " " + uri;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }
    }

    /** Records what is written to it. */
    public static final class Response {
        public volatile int status;
        public String contentType;
        public final Map<String, String> headers = new HashMap<>();
        public final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        public String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        public HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "getHeader" -> headers.get((String) args[0]);
                        case "containsHeader" -> headers.containsKey((String) args[0]);
                        case "getOutputStream" -> out;
                        case "isCommitted" -> false;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FakeHttp.Response";
                        default -> null;
                    });
        }
    }
}
