package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStartsTest {

    @Test
    void an_api_parameter_name_becomes_the_job_xml_name() {
        assertThat(JobStarts.jobParameterName("retention_hours")).isEqualTo("retentionHours");
        assertThat(JobStarts.jobParameterName("limit")).isEqualTo("limit");
    }
}
