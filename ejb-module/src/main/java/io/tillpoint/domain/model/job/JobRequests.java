package io.tillpoint.domain.model.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the job requests operators made, and which of them some instance has started. */
public interface JobRequests {

    /** Records a new request in the caller's transaction. */
    void add(JobRequest request);

    Optional<JobRequest> find(String id);

    /**
     * Takes the right to start the request: true when it is not started yet and nobody else holds
     * the right since {@code leaseStartedAfter}; the right is held from {@code now}.
     */
    boolean claimStart(String id, Instant now, Instant leaseStartedAfter);

    /** Gives the right back after a start that failed, so that the next sweep tries again. */
    void releaseClaim(String id);

    /** Records the execution that runs the request. */
    void recordStarted(String id, long executionId, Instant now);

    /** Ids of requests not started yet, asked before {@code askedBefore}, oldest first. */
    List<String> unstarted(Instant askedBefore, int limit);
}
