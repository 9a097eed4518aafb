package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, points 1 and 6: what an unexpected failure writes to the log holds no card number and
 * no line break from the request, in its own message or in any of its causes', while it keeps
 * what a developer needs: the exception classes and where they were thrown.
 */
class ProblemMapperTest {

    @Test
    void a_logged_failure_keeps_classes_and_stack_traces_and_cleans_every_message() {
        IllegalArgumentException cause = new IllegalArgumentException("bad path /x\r\n[#|SEVERE|forged|#]");
        IllegalStateException thrown = new IllegalStateException("card 4242 4242 4242 4242 refused\nagain", cause);

        ProblemMapper.LoggedFailure logged = ProblemMapper.LoggedFailure.of(thrown);
        StringWriter printed = new StringWriter();
        logged.printStackTrace(new PrintWriter(printed));

        String[] lines = printed.toString().split("\\R");
        assertThat(lines[0]).startsWith("java.lang.IllegalStateException: card ").endsWith(" refused\\nagain")
                .doesNotContain("4242424242424242");
        assertThat(printed.toString())
                .contains("Caused by: java.lang.IllegalArgumentException: bad path /x\\r\\n[#|SEVERE|forged|#]")
                .doesNotContain("4242 4242 4242 4242")
                .doesNotContain("LoggedFailure");
        assertThat(logged.getStackTrace()).isEqualTo(thrown.getStackTrace());
        assertThat(logged.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
        for (String line : lines) {
            assertThat(line).as("every printed line is a message line or a frame")
                    .matches("(Caused by: )?java\\.lang\\.Illegal.*|\\s+at .*|\\s+\\.\\.\\. \\d+ more");
        }
    }

    @Test
    void a_cause_that_loops_back_ends_the_copy() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        ProblemMapper.LoggedFailure logged = ProblemMapper.LoggedFailure.of(a);

        assertThat(logged.getMessage()).isEqualTo("java.lang.RuntimeException: a");
        assertThat(logged.getCause().getMessage()).isEqualTo("java.lang.RuntimeException: b");
        assertThat(logged.getCause().getCause()).isNull();
    }

    @Test
    void text_the_database_refuses_for_its_characters_is_the_clients_fault_and_other_database_errors_are_not() {
        java.sql.SQLException nul = new java.sql.SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        java.sql.SQLException down = new java.sql.SQLException("connection refused", "08001");

        assertThat(ProblemMapper.isTextTheDatabaseCannotStore(new IllegalStateException("wrapped", nul))).isTrue();
        assertThat(ProblemMapper.isTextTheDatabaseCannotStore(new IllegalStateException("wrapped", down))).isFalse();
        assertThat(ProblemMapper.isTextTheDatabaseCannotStore(new IllegalStateException("no database"))).isFalse();
    }
}
