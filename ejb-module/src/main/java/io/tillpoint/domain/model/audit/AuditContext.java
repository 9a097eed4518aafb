package io.tillpoint.domain.model.audit;

/**
 * Who asks for an administrative action, and through which request: what every audit entry of
 * that action says besides the action itself. The interface that took the request builds it.
 *
 * @param originIp the caller's IP address as the gateway saw it (null when there was none)
 * @param requestId the request's id (its {@code X-Request-Id}), null outside a request
 */
public record AuditContext(Actor actor, String originIp, String requestId) {

    /** The gateway acting on its own (start-up, schedules). */
    public static final AuditContext SYSTEM = new AuditContext(Actor.SYSTEM, null, null);

    public AuditContext {
        if (actor == null) {
            throw new IllegalArgumentException("an administrative action has an actor");
        }
        originIp = originIp == null || originIp.length() > 45 ? null : originIp;
        requestId = requestId == null || requestId.length() > 64 ? null : requestId;
    }
}
