package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean parentHandlers;

    @BeforeEach
    void listen() {
        parentHandlers = AccessLog.LOGGER.getUseParentHandlers();
        AccessLog.LOGGER.setUseParentHandlers(false);
        AccessLog.LOGGER.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        AccessLog.stopBatching();
        AccessLog.LOGGER.removeHandler(capture);
        AccessLog.LOGGER.setUseParentHandlers(parentHandlers);
    }

    @Test
    void without_a_flusher_a_line_is_logged_at_once() {
        AccessLog.write("request_id=req_1 status=201");

        assertThat(lines()).containsExactly("request_id=req_1 status=201");
    }

    @Test
    void while_batching_lines_wait_for_the_flush_and_keep_their_order_and_time() throws Exception {
        AccessLog.startBatching();
        AccessLog.write("request_id=req_1");
        long finished = System.currentTimeMillis();
        Thread.sleep(5);
        AccessLog.write("request_id=req_2");

        assertThat(logged).isEmpty();
        assertThat(AccessLog.flush()).isEqualTo(2);
        assertThat(lines()).containsExactly("request_id=req_1", "request_id=req_2");
        assertThat(logged.get(0).getMillis()).isLessThanOrEqualTo(finished);
        assertThat(logged.get(0).getSourceClassName()).isEqualTo(RequestFilter.class.getName());
        assertThat(logged.get(0).getLoggerName()).isEqualTo("io.tillpoint.access");
    }

    @Test
    void stopping_logs_what_waits_and_then_logs_at_once() {
        AccessLog.startBatching();
        AccessLog.write("request_id=req_1");

        AccessLog.stopBatching();
        assertThat(lines()).containsExactly("request_id=req_1");

        AccessLog.write("request_id=req_2");
        assertThat(lines()).containsExactly("request_id=req_1", "request_id=req_2");
    }

    @Test
    void a_flusher_far_behind_loses_nothing_the_overflow_is_logged_at_once() {
        AccessLog.startBatching();
        for (int i = 0; i < AccessLog.MOST_WAITING + 3; i++) {
            AccessLog.write("request_id=req_" + i);
        }

        assertThat(lines()).containsExactly("request_id=req_" + AccessLog.MOST_WAITING,
                "request_id=req_" + (AccessLog.MOST_WAITING + 1), "request_id=req_" + (AccessLog.MOST_WAITING + 2));
        assertThat(AccessLog.flush()).isEqualTo(AccessLog.MOST_WAITING);
        assertThat(logged).hasSize(AccessLog.MOST_WAITING + 3);
    }

    @Test
    void a_line_with_a_forged_line_break_in_its_path_stays_one_line() {
        AccessLog.write("request_id=req_1 method=GET path=/api/v1/payments/x\r\nrequest_id=req_2 status=200 status=404");

        assertThat(lines()).containsExactly(
                "request_id=req_1 method=GET path=/api/v1/payments/x\\r\\nrequest_id=req_2 status=200 status=404");
        assertThat(lines().get(0)).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void a_line_queued_for_the_flusher_is_escaped_too() {
        AccessLog.startBatching();
        AccessLog.write("path=/a\u0000\u001b[2J");

        AccessLog.flush();
        assertThat(lines()).containsExactly("path=/a\\u0000\\u001b[2J");
    }

    private List<String> lines() {
        return logged.stream().map(LogRecord::getMessage).toList();
    }
}
