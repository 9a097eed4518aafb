package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a caller sends cannot forge a line of the security log or leave a card number in it. */
class AuthFailuresTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertThat(AuthFailures.escaped("cli_1\r\nauth_ok client_id=platform"))
                .isEqualTo("\"cli_1\\r\\nauth_ok client_id=platform\"")
                .doesNotContain("\n").doesNotContain("\r");
        assertThat(AuthFailures.escaped("a\u0000b\u001bc\u2028")).isEqualTo("\"a\\u0000b\\u001bc\\u2028\"");
        assertThat(AuthFailures.escaped("say \"hi\" \\")).isEqualTo("\"say \\\"hi\\\" \\\\\"");
    }

    @Test
    void cardNumbersAreMaskedAndLongValuesCapped() {
        assertThat(AuthFailures.escaped("4242424242424242")).isEqualTo("\"424242******4242\"");
        assertThat(AuthFailures.escaped("x".repeat(500))).hasSize(64 + 3 + 2);
    }

    @Test
    void noValueIsADash() {
        assertThat(AuthFailures.escaped(null)).isEqualTo("-");
    }
}
