package io.tillpoint.domain.model.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "The same request": a fingerprint matches its own value, or what it would be under older keys. */
class RequestFingerprintTest {

    @Test
    void matchesItsOwnValueOnly() {
        RequestFingerprint fingerprint = RequestFingerprint.of("r1i1.abc");

        assertThat(fingerprint.matches("r1i1.abc")).isTrue();
        assertThat(fingerprint.matches("r1i1.abd")).isFalse();
        assertThat(fingerprint.matches(null)).isFalse();
    }

    @Test
    void aValueMadeUnderOlderKeysMatchesWhenThisRequestUnderThoseKeysGivesIt() {
        RequestFingerprint fingerprint = new RequestFingerprint("r2i1.new",
                stored -> stored.startsWith("r1i1.") ? "r1i1.old" : null);

        assertThat(fingerprint.value()).isEqualTo("r2i1.new");
        assertThat(fingerprint.matches("r1i1.old")).isTrue();
        assertThat(fingerprint.matches("r1i1.other")).as("another request under the old keys").isFalse();
        assertThat(fingerprint.matches("r0i0.old")).as("keys no longer held").isFalse();
    }

    @Test
    void fingerprintsAreEqualByValue() {
        assertThat(RequestFingerprint.of("r1i1.abc")).isEqualTo(new RequestFingerprint("r1i1.abc", s -> "x"))
                .isNotEqualTo(RequestFingerprint.of("r1i1.abd"));
    }
}
