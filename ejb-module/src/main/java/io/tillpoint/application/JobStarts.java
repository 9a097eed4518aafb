package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.job.JobName;
import io.tillpoint.domain.model.job.JobRequest;
import io.tillpoint.domain.model.job.JobRequests;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.persistence.JpaIdempotencyStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Operators' job starts, made durable before the job runs. JBatch starts a job only outside a
 * transaction, so "start it" is recorded first, with its audit entry and the answer kept for its
 * idempotency key, all in one transaction ({@link #request}); the start follows the commit
 * ({@code BatchJobs.startRequested}), and a request whose instance died before it started is
 * started by another instance's sweep. Each step below is its own short transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobStarts {

    /** How long an instance holds the right to start a request before another may take it. */
    static final Duration START_LEASE = Duration.ofSeconds(60);

    @Inject
    JobRequests requests;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    JpaIdempotencyStore idempotencyRecords;

    /**
     * Records an operator's request to run {@code job} with {@code parameters} (names as in the
     * API: {@code retention_hours}), its {@code job.started} audit entry and, when {@code keyed} is
     * not null, the key's answer {@code stored}: all or nothing.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public JobRequest request(JobName job, Map<String, String> parameters, AuditContext context,
            KeyedRequest keyed, Function<JobRequest, StoredResponse> stored) {
        Instant now = clock.now();
        JobRequest request = JobRequest.of(Ids.newId("jrq"), job, parameters, context.actor().id(), now);
        requests.add(request);
        AuditSnapshot.Builder after = AuditSnapshot.builder().text("job", job.wire());
        parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> after.text(p.getKey(), p.getValue()));
        audit.append(AuditEntry.of(context, AuditAction.JOB_STARTED, AuditTarget.jobRequest(request.id()), null,
                after.build(), now));
        if (keyed != null) {
            idempotencyRecords.completeNow(keyed.recordId(), stored.apply(request), now);
        }
        return request;
    }

    public JobRequest find(String requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("job request", requestId));
    }

    /** The request, when this instance may start it now (not started, nobody else starting it). */
    public Optional<JobRequest> claimStart(String requestId) {
        Instant now = clock.now();
        if (!requests.claimStart(requestId, now, now.minus(START_LEASE))) {
            return Optional.empty();
        }
        return requests.find(requestId);
    }

    public void recordStarted(String requestId, long executionId) {
        requests.recordStarted(requestId, executionId, clock.now());
    }

    public void releaseClaim(String requestId) {
        requests.releaseClaim(requestId);
    }

    /** Requests nobody started within {@code grace} of being asked (their instance died, or the start failed). */
    public List<String> leftUnstarted(Duration grace) {
        return requests.unstarted(clock.now().minus(grace), 20);
    }

    /** A parameter name in the API ({@code retention_hours}) as the job XML reads it ({@code retentionHours}). */
    public static String jobParameterName(String apiName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : apiName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return name.toString();
    }
}
