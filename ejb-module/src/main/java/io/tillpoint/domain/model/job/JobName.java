package io.tillpoint.domain.model.job;

import io.tillpoint.domain.shared.NotFoundException;
import java.util.Arrays;

/** The batch jobs an operator may start on demand (they also run on their own schedule). */
public enum JobName {
    IDEMPOTENCY_PURGE("idempotency-purge"),
    PAYMENT_RECOVERY("payment-recovery");

    private final String wire;

    JobName(String wire) {
        this.wire = wire;
    }

    /** The job's name in the API and its JBatch job XML ({@code META-INF/batch-jobs/<name>.xml}). */
    public String wire() {
        return wire;
    }

    /** The job named in a path; an unknown name is a 404, as an unknown id is. */
    public static JobName fromPath(String name) {
        return Arrays.stream(values()).filter(j -> j.wire.equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("job", name.substring(0, Math.min(name.length(), 64))));
    }

    public static JobName fromWire(String name) {
        return Arrays.stream(values()).filter(j -> j.wire.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such job: " + name));
    }
}
