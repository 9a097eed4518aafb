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
 * request id (the stack trace goes to the server log, its messages scrubbed of card numbers and
 * their control characters escaped: an exception's message may quote the request).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        return problemFor(thrown, ApiRequest.requestId(request));
    }

    /** The problem+json answer for {@code thrown}, for the API and for the SOAP endpoint alike. */
    public static Response problemFor(Throwable thrown, String requestId) {
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
        if (isTextTheDatabaseCannotStore(thrown)) {
            return Problem.response(400, Problem.titleOf(400), "The request holds text that cannot be stored (such as a NUL character)",
                    Problem.codeOf(400), null, requestId);
        }
        if (OptimisticLock.causes(thrown)) {
            return Problem.response(409, Problem.titleOf(409), "The resource was changed by another request; retry",
                    "concurrent_update", null, requestId);
        }
        LOG.log(Level.SEVERE, "request " + LogText.escape(requestId) + " failed: " + cleaned(thrown.getMessage()),
                LoggedFailure.of(thrown));
        return Problem.response(500, Problem.titleOf(500),
                "An internal error occurred; quote request id " + requestId + " to support", "internal_error", null, requestId);
    }

    /**
     * PostgreSQL refused a text value for its characters (SQLState 22021, "invalid byte sequence",
     * as a NUL is; 22P05, untranslatable): the client's text, not the gateway's fault. The request
     * filter refuses NULs before they get that far; this is the net under whatever it missed.
     */
    static boolean isTextTheDatabaseCannotStore(Throwable thrown) {
        int depth = 0;
        for (Throwable c = thrown; c != null && depth < 20; c = c.getCause(), depth++) {
            if (c instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("22021".equals(next.getSQLState()) || "22P05".equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** An exception's message as the log may show it: card numbers masked, one line. */
    static String cleaned(String message) {
        return LogText.escape(PanMasking.scrub(String.valueOf(message)));
    }

    /**
     * A failure as the log shows it: the same exception classes and stack traces, each message
     * {@link #cleaned}. The server prints a logged exception's own messages (and its causes'), so
     * scrubbing only the line above them would leave a card number or a forged line break in them.
     */
    static final class LoggedFailure extends RuntimeException {

        private static final int MOST_CAUSES = 20;

        private LoggedFailure(Throwable original, LoggedFailure cause) {
            super(original.getClass().getName()
                    + (original.getMessage() == null ? "" : ": " + cleaned(original.getMessage())), cause, false, true);
            setStackTrace(original.getStackTrace());
        }

        static LoggedFailure of(Throwable thrown) {
            java.util.List<Throwable> chain = new java.util.ArrayList<>();
            for (Throwable t = thrown; t != null && chain.size() < MOST_CAUSES && !chain.contains(t); t = t.getCause()) {
                chain.add(t);
            }
            LoggedFailure copy = null;
            for (int i = chain.size() - 1; i >= 0; i--) {
                copy = new LoggedFailure(chain.get(i), copy);
            }
            return copy;
        }

        /** Printed as the original would be: its class and message, not this class's name. */
        @Override
        public String toString() {
            return getMessage();
        }
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
