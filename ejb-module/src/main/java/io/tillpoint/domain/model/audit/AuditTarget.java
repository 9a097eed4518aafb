package io.tillpoint.domain.model.audit;

/** What an action was done to: a type ({@code merchant}, {@code api_client}, {@code job_request}) and an id. */
public record AuditTarget(String type, String id) {

    public AuditTarget {
        if (type == null || !type.matches("[a-z][a-z_]{0,31}")) {
            throw new IllegalArgumentException("a target type is a lower-case word: " + type);
        }
        if (id == null || id.isEmpty() || id.length() > 64) {
            throw new IllegalArgumentException("a target id has 1 to 64 characters");
        }
    }

    public static AuditTarget merchant(String merchantId) {
        return new AuditTarget("merchant", merchantId);
    }

    public static AuditTarget apiClient(String clientId) {
        return new AuditTarget("api_client", clientId);
    }

    public static AuditTarget deadLetter(String deadLetterId) {
        return new AuditTarget("dead_letter", deadLetterId);
    }

    /** An operator's request to start a batch job ({@code jrq_...}). */
    public static AuditTarget jobRequest(String requestId) {
        return new AuditTarget("job_request", requestId);
    }
}
