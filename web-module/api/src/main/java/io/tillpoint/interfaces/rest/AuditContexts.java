package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.model.audit.Actor;
import io.tillpoint.domain.model.audit.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The audit context of an operator's request: the platform client that asked (from its verified
 * token), the address the request came from (the connection's peer: behind a proxy, the proxy's),
 * and the request id.
 */
final class AuditContexts {

    private AuditContexts() {
    }

    static AuditContext of(HttpServletRequest request, SecurityContext security) {
        Caller caller = Caller.of(security);
        if (caller == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return new AuditContext(Actor.apiClient(caller.clientId()), request.getRemoteAddr(), ApiRequest.requestId(request));
    }
}
