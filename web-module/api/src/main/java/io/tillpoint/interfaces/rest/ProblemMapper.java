package io.tillpoint.interfaces.rest;

import io.tillpoint.application.InvalidClientException;
import io.tillpoint.application.MerchantSuspendedException;
import io.tillpoint.application.TooManyAttemptsException;
import io.tillpoint.domain.model.card.PanMasking;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.DomainException;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.domain.shared.UnprocessableException;
import io.tillpoint.infrastructure.persistence.OptimisticLock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure leaves as problem+json. Domain refusals keep their code and field; JAX-RS
 * routing errors keep their status; anything unexpected is a 500 that says only the
 * request id (the stack trace goes to the server log, card numbers scrubbed).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        String requestId = ApiRequest.requestId(request);
        DomainException domain = domainCause(thrown);
        if (domain != null) {
            return fromDomain(domain, requestId);
        }
        if (thrown instanceof UnsupportedMediaType e) {
            return Problem.response(415, Problem.titleOf(415), e.getMessage(), Problem.codeOf(415), null, requestId);
        }
        if (thrown instanceof PayloadTooLarge e) {
            return Problem.response(413, Problem.titleOf(413), e.getMessage(), Problem.codeOf(413), null, requestId);
        }
        if (thrown instanceof NotAuthorizedException) {
            return Problem.response(401, Problem.titleOf(401), "A valid bearer token is required",
                    Problem.codeOf(401), null, requestId);
        }
        if (thrown instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return Problem.response(status, Problem.titleOf(status), detailFor(status), Problem.codeOf(status), null, requestId);
        }
        if (OptimisticLock.causes(thrown)) {
            return Problem.response(409, Problem.titleOf(409), "The resource was changed by another request; retry",
                    "concurrent_update", null, requestId);
        }
        LOG.log(Level.SEVERE, "request " + requestId + " failed: " + PanMasking.scrub(String.valueOf(thrown.getMessage())),
                thrown);
        return Problem.response(500, Problem.titleOf(500),
                "An internal error occurred; quote request id " + requestId + " to support", "internal_error", null, requestId);
    }

    static Response fromDomain(DomainException e, String requestId) {
        int status;
        String param = null;
        if (e instanceof InvalidInputException invalid) {
            status = 400;
            param = invalid.param();
        } else if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof InvalidStateException || e instanceof ConflictException) {
            status = 409;
        } else if (e instanceof UnprocessableException) {
            status = 422;
        } else if (e instanceof InvalidClientException) {
            status = 401;
        } else if (e instanceof MerchantSuspendedException) {
            status = 403;
        } else if (e instanceof TooManyAttemptsException tooMany) {
            Response problem = Problem.response(429, Problem.titleOf(429), e.getMessage(), e.code(), null, requestId);
            return Response.fromResponse(problem).header("Retry-After", tooMany.retryAfter().seconds()).build();
        } else {
            status = 400;
        }
        String detail = param == null || e.getMessage().startsWith(param) ? e.getMessage() : param + " " + e.getMessage();
        return Problem.response(status, Problem.titleOf(status), detail, e.code(), param, requestId);
    }

    private static DomainException domainCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DomainException d) {
                return d;
            }
        }
        return null;
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource answers application/json only";
            case 415 -> "Content-Type must be application/json";
            default -> Problem.titleOf(status);
        };
    }
}
