package io.tillpoint.domain.model.job;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An operator's request to start a batch job: what to run, with which parameters, asked by whom and
 * when, and, once some instance started it, the job execution that runs it.
 */
public record JobRequest(String id, JobName job, Map<String, String> parameters, String requestedBy,
        Instant requestedAt, Long executionId) {

    public JobRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(job, "job");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public static JobRequest of(String id, JobName job, Map<String, String> parameters, String requestedBy,
            Instant requestedAt) {
        return new JobRequest(id, job, parameters, requestedBy, requestedAt, null);
    }

    /** The execution that runs it; empty while no instance has started it yet. */
    public OptionalLong execution() {
        return executionId == null ? OptionalLong.empty() : OptionalLong.of(executionId);
    }
}
