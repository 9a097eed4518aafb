package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 17, point 6: a value from a request never starts a log line of its own. */
class LogTextTest {

    @Test
    void a_forged_line_break_is_written_as_an_escape() {
        String forged = "/api/v1/payments/pay_1\r\n[#|2026-12-03T10:00:00.000+0000|INFO|admin logged in|#]";

        String escaped = LogText.escape(forged);

        assertThat(escaped).doesNotContain("\r").doesNotContain("\n")
                .isEqualTo("/api/v1/payments/pay_1\\r\\n[#|2026-12-03T10:00:00.000+0000|INFO|admin logged in|#]");
    }

    @Test
    void every_control_character_and_the_unicode_line_separators_are_escaped() {
        assertThat(LogText.escape("a\tb\u0000c\u001b[31md\u007fe\u0085f\u2028g\u2029h"))
                .isEqualTo("a\\tb\\u0000c\\u001b[31md\\u007fe\\u0085f\\u2028g\\u2029h");
    }

    @Test
    void ordinary_text_is_kept_as_it_was() {
        String line = "request_id=req_1 method=POST path=/api/v1/payments status=201 client=cli_x ü€ \\n";

        assertThat(LogText.escape(line)).isSameAs(line);
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}
