package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.model.access.AuthFailureReason;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * What a compact JWT says about itself before anything is verified: its key id, and for a token
 * that was refused, the likeliest reason (for the security log; the caller gets the same 401
 * whatever it is). Nothing read here is trusted: the verification is MicroProfile JWT's.
 */
final class TokenInspection {

    private TokenInspection() {
    }

    /** The header's {@code kid}; null when the token has no readable header or no kid. */
    static String keyIdOf(String token) {
        JsonObject header = part(token, 0);
        return header != null && header.get("kid") instanceof JsonString kid ? kid.getString() : null;
    }

    /** Why MicroProfile JWT likely refused {@code token}, judged at {@code now}. */
    static AuthFailureReason reasonRefused(String token, Instant now, String audience, Predicate<String> knownKey) {
        JsonObject header = part(token, 0);
        JsonObject claims = part(token, 1);
        if (header == null || claims == null || token.chars().filter(c -> c == '.').count() != 2) {
            return AuthFailureReason.MALFORMED_TOKEN;
        }
        if (!(header.get("kid") instanceof JsonString kid)) {
            return AuthFailureReason.NO_KEY_ID;
        }
        if (!knownKey.test(kid.getString())) {
            return AuthFailureReason.UNKNOWN_KEY;
        }
        if (claims.get("exp") instanceof JsonNumber exp && exp.longValue() <= now.getEpochSecond()) {
            return AuthFailureReason.EXPIRED;
        }
        if (audience != null && !names(claims.get("aud"), audience)) {
            return AuthFailureReason.WRONG_AUDIENCE;
        }
        return AuthFailureReason.BAD_SIGNATURE;
    }

    private static boolean names(JsonValue aud, String audience) {
        if (aud instanceof JsonString one) {
            return one.getString().equals(audience);
        }
        return aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY
                && aud.asJsonArray().stream().anyMatch(v -> v instanceof JsonString s && s.getString().equals(audience));
    }

    /** Part {@code index} of the token as a JSON object; null when it is not one. */
    private static JsonObject part(String token, int index) {
        if (token == null || token.length() > 16 * 1024) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length <= index) {
            return null;
        }
        try (JsonReader reader = Jsons.reader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(parts[index])))) {
            return reader.readObject();
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
