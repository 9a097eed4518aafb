package io.tillpoint.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobNameTest {

    @Test
    void a_job_is_named_in_the_path_as_its_job_xml_is() {
        assertThat(JobName.fromPath("idempotency-purge")).isEqualTo(JobName.IDEMPOTENCY_PURGE);
        assertThat(JobName.fromPath("payment-recovery").wire()).isEqualTo("payment-recovery");
    }

    @Test
    void an_unknown_job_is_not_found_and_a_long_name_is_cut_in_the_answer() {
        assertThatThrownBy(() -> JobName.fromPath("drop-tables")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> JobName.fromPath("x".repeat(500)))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("x".repeat(65)));
    }

    @Test
    void a_request_keeps_its_own_copy_of_the_parameters_and_has_no_execution_until_started() {
        Map<String, String> parameters = new HashMap<>(Map.of("retention_hours", "48"));
        JobRequest request = JobRequest.of("jrq_1", JobName.IDEMPOTENCY_PURGE, parameters, "platform", Instant.EPOCH);
        parameters.put("retention_hours", "1");

        assertThat(request.parameters()).containsEntry("retention_hours", "48");
        assertThat(request.execution()).isEmpty();
    }
}
