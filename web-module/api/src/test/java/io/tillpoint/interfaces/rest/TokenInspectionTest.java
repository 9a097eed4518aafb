package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.access.AuthFailureReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Why a refused token was refused, for the security log: read from the token, never trusted. */
class TokenInspectionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String header, String claims) {
        return b64(header) + "." + b64(claims) + ".c2ln";
    }

    private static AuthFailureReason reason(String token) {
        return TokenInspection.reasonRefused(token, NOW, "tillpoint-api", "k1"::equals);
    }

    @Test
    void theKeyIdComesFromTheHeader() {
        assertThat(TokenInspection.keyIdOf(token("{\"alg\":\"RS256\",\"kid\":\"k1\"}", "{}"))).isEqualTo("k1");
        assertThat(TokenInspection.keyIdOf(token("{\"alg\":\"RS256\"}", "{}"))).isNull();
        assertThat(TokenInspection.keyIdOf("not a token")).isNull();
        assertThat(TokenInspection.keyIdOf(null)).isNull();
    }

    @Test
    void eachRefusalHasItsReason() {
        long later = NOW.getEpochSecond() + 600;
        long earlier = NOW.getEpochSecond() - 1;
        String good = "{\"aud\":[\"tillpoint-api\"],\"exp\":" + later + "}";

        assertThat(reason("garbage")).isEqualTo(AuthFailureReason.MALFORMED_TOKEN);
        assertThat(reason(token("{\"alg\":\"RS256\"}", good))).isEqualTo(AuthFailureReason.NO_KEY_ID);
        assertThat(reason(token("{\"kid\":\"k9\"}", good))).isEqualTo(AuthFailureReason.UNKNOWN_KEY);
        assertThat(reason(token("{\"kid\":\"k1\"}", "{\"aud\":\"tillpoint-api\",\"exp\":" + earlier + "}")))
                .isEqualTo(AuthFailureReason.EXPIRED);
        assertThat(reason(token("{\"kid\":\"k1\"}", "{\"aud\":[\"elsewhere\"],\"exp\":" + later + "}")))
                .isEqualTo(AuthFailureReason.WRONG_AUDIENCE);
        assertThat(reason(token("{\"kid\":\"k1\"}", "{\"exp\":" + later + "}"))).isEqualTo(AuthFailureReason.WRONG_AUDIENCE);
        assertThat(reason(token("{\"kid\":\"k1\"}", good))).isEqualTo(AuthFailureReason.BAD_SIGNATURE);
        assertThat(reason(token("{\"kid\":\"k1\"}", "{\"aud\":\"tillpoint-api\",\"exp\":" + later + "}")))
                .isEqualTo(AuthFailureReason.BAD_SIGNATURE);
    }
}
