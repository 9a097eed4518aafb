package io.tillpoint.domain.model.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Tillpoint-Signature} header of a delivery: {@code t=<unix seconds>,v1=<hex>}, where
 * the hex is HMAC-SHA256 of {@code "<t>.<body>"} (the body's exact bytes) under the endpoint's
 * secret. While a rotated-out secret is in its grace, a second {@code v1=} carries its signature
 * (the current secret's first), so a receiver holding either verifies. Every attempt is signed
 * again with its own time, so a receiver can refuse old replays by {@code t}.
 */
public final class WebhookSignature {

    public static final String HEADER = "Tillpoint-Signature";
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /** The header for {@code body} sent at {@code unixSeconds}, one {@code v1=} per secret, in order. */
    public static String header(long unixSeconds, byte[] body, List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed with at least one secret");
        }
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (WebhookSecret secret : secrets) {
            header.append(",v1=").append(HEX.formatHex(hmac(secret, unixSeconds, body)));
        }
        return header.toString();
    }

    /**
     * What a receiver does: true when {@code header} carries a {@code v1=} that is the signature of
     * {@code body} under {@code secret} at the header's {@code t}, and that {@code t} is within
     * {@code toleranceSeconds} of {@code nowUnixSeconds}.
     */
    public static boolean verifies(String header, byte[] body, WebhookSecret secret, long nowUnixSeconds,
            long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (t == null || Math.abs(nowUnixSeconds - t) > toleranceSeconds) {
            return false;
        }
        byte[] expected = hmac(secret, t, body);
        for (String signature : signatures) {
            try {
                if (MessageDigest.isEqual(expected, HEX.parseHex(signature))) {
                    return true;
                }
            } catch (IllegalArgumentException notHex) {
                // another signature may still match
            }
        }
        return false;
    }

    private static byte[] hmac(WebhookSecret secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
