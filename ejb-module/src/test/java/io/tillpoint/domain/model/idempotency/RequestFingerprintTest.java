package io.tillpoint.domain.model.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "The same request": SHA-256 over method, path and body bytes. */
class RequestFingerprintTest {

    private static final byte[] BODY = "{\"amount\":1999,\"currency\":\"USD\"}".getBytes(UTF_8);

    @Test
    void theSameRequestHasTheSameFingerprint() {
        RequestFingerprint a = RequestFingerprint.of("POST", "/api/v1/payments", BODY);
        RequestFingerprint b = RequestFingerprint.of("POST", "/api/v1/payments", BODY.clone());

        assertThat(a).isEqualTo(b);
        assertThat(a.hex()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void aDifferentBodyIsADifferentRequest() {
        byte[] other = "{\"amount\":2000,\"currency\":\"USD\"}".getBytes(UTF_8);

        assertThat(RequestFingerprint.of("POST", "/api/v1/payments", other))
                .isNotEqualTo(RequestFingerprint.of("POST", "/api/v1/payments", BODY));
    }

    @Test
    void evenWhitespaceMakesADifferentBody() {
        byte[] spaced = "{\"amount\": 1999,\"currency\":\"USD\"}".getBytes(UTF_8);

        assertThat(RequestFingerprint.of("POST", "/api/v1/payments", spaced))
                .isNotEqualTo(RequestFingerprint.of("POST", "/api/v1/payments", BODY));
    }

    @Test
    void aDifferentPathOrMethodIsADifferentRequest() {
        RequestFingerprint payment = RequestFingerprint.of("POST", "/api/v1/payments", BODY);

        assertThat(RequestFingerprint.of("POST", "/api/v1/tokens", BODY)).isNotEqualTo(payment);
        assertThat(RequestFingerprint.of("PUT", "/api/v1/payments", BODY)).isNotEqualTo(payment);
    }

    @Test
    void pathAndBodyCannotBeShiftedIntoEachOther() {
        assertThat(RequestFingerprint.of("POST", "/api/v1/payments/pay_1/refunds", "{}".getBytes(UTF_8)))
                .isNotEqualTo(RequestFingerprint.of("POST", "/api/v1/payments/pay_1/refunds{", "}".getBytes(UTF_8)));
    }

    @Test
    void anEmptyBodyHasAFingerprintToo() {
        assertThat(RequestFingerprint.of("POST", "/api/v1/payments/pay_1/void", new byte[0]).hex()).hasSize(64);
    }
}
