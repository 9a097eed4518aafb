package io.tillpoint.domain.model.webhook;

import io.tillpoint.domain.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an endpoint receives its deliveries: an absolute {@code https} or {@code http} URL with a
 * host, no user name or password in it and no fragment, at most 2048 characters. Whether its host
 * may be reached is a question for {@link ReceiverAddresses}, asked when it is registered and
 * again before every attempt.
 */
public final class WebhookUrl {

    public static final int MAX_LENGTH = 2048;
    private static final String PARAM = "url";

    private final URI uri;
    private final String text;

    private WebhookUrl(URI uri, String text) {
        this.uri = uri;
        this.text = text;
    }

    public static WebhookUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(PARAM, "is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(PARAM, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(PARAM, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException(PARAM, "must be an https:// or http:// URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new InvalidInputException(PARAM, "must not carry a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException(PARAM, "must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException(PARAM, "must not have a fragment (#...)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidInputException(PARAM, "has a port out of range");
        }
        return new WebhookUrl(uri, text);
    }

    /** The host as the URL names it, without an IPv6 literal's brackets, lower case. */
    public String host() {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    public boolean https() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** The port the URL names, or its scheme's (443, 80). */
    public int port() {
        return uri.getPort() > 0 ? uri.getPort() : https() ? 443 : 80;
    }

    /** The request target: the raw path (at least {@code /}) and query. */
    public String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The {@code Host} header: the host as written, with the port when it is not the scheme's. */
    public String hostHeader() {
        String host = uri.getHost();
        return uri.getPort() > 0 && uri.getPort() != (https() ? 443 : 80) ? host + ":" + uri.getPort() : host;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookUrl other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The URL as the merchant gave it. */
    @Override
    public String toString() {
        return text;
    }
}
