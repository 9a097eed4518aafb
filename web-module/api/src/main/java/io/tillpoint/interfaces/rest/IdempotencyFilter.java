package io.tillpoint.interfaces.rest;

import io.tillpoint.application.IdempotencyService;
import io.tillpoint.domain.model.idempotency.IdempotencyKey;
import io.tillpoint.domain.model.idempotency.IdempotentOutcome;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.RequestFingerprinter;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.shared.DomainException;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Idempotency for every POST that carries {@code Idempotency-Key}: the key is claimed in
 * the database before the resource runs; the response (success or 4xx) is stored and
 * later replayed byte for byte with {@code Idempotent-Replayed: true}; a 5xx releases the
 * key so that a retry can run. A shown-once secret (a new merchant's client secret) is not
 * kept: its replay reads null there. A method marked {@link OwnIdempotencyClaim} claims and
 * completes the key inside its use case instead. A request is known by its keyed fingerprint
 * ({@link RequestFingerprinter}), which keeps nothing of a card number or CVC; a request refused
 * for a card number in its text never gets here ({@link CardNumbersInTextFilter}).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIMED = "tillpoint.idempotency.claimed";
    private static final String DEFERRED = "tillpoint.idempotency.deferred";
    private static final String HANDED_OVER = "tillpoint.idempotency.handed-over";
    private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "access_token", "secret");
    private static final Set<String> RETRY_LATER = Set.of("operation_in_progress", "concurrent_update");

    @EJB
    IdempotencyService idempotency;

    @Inject
    RequestFingerprinter fingerprinter;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (!"POST".equals(request.getMethod()) || header == null) {
            return;
        }
        String requestId = (String) request.getProperty(ApiRequest.REQUEST_ID);
        Caller caller = Caller.of(request);
        if (caller == null) {
            return;
        }
        try {
            byte[] body = (byte[]) request.getProperty(ApiRequest.BODY);
            KeyedRequest keyed = new KeyedRequest(caller.idempotencyScope(), new IdempotencyKey(header),
                    fingerprinter.fingerprint("POST", "/" + request.getUriInfo().getPath(), body == null ? new byte[0] : body));
            Method method = resource.getResourceMethod();
            if (method != null && method.isAnnotationPresent(OwnIdempotencyClaim.class)) {
                request.setProperty(DEFERRED, keyed);
                return;
            }
            Optional<StoredResponse> replay = idempotency.claim(keyed);
            if (replay.isPresent()) {
                request.abortWith(replay(replay.get()));
                return;
            }
            request.setProperty(CLAIMED, keyed);
        } catch (DomainException e) {
            request.abortWith(ProblemMapper.fromDomain(e, requestId));
        }
    }

    /**
     * For a method marked {@link OwnIdempotencyClaim}: the request's key, to hand to the use
     * case (null when the request carries none). From here on the use case owns the key.
     */
    public static KeyedRequest keyedRequest(HttpServletRequest request) {
        Object keyed = request.getAttribute(DEFERRED);
        if (keyed == null) {
            return null;
        }
        request.setAttribute(HANDED_OVER, Boolean.TRUE);
        return (KeyedRequest) keyed;
    }

    /**
     * For a method whose use case completes the key that this filter claimed (in the transaction
     * of its effect, or later through recovery): the request's claimed key, or null when it
     * carries none. From here on the filter stores only an error answer under it (the use case
     * failed before it committed anything); a 2xx is the use case's to store.
     */
    public static KeyedRequest claimedRequest(HttpServletRequest request) {
        Object keyed = request.getAttribute(CLAIMED);
        if (keyed == null) {
            return null;
        }
        request.setAttribute(HANDED_OVER, Boolean.TRUE);
        return (KeyedRequest) keyed;
    }

    /** The HTTP response for an answer a use case gave (and stored, when it had a key). */
    public static Response toResponse(StoredResponse answer) {
        return fresh(answer);
    }

    /** The HTTP response for what a use case that owns its key answered. */
    public static Response toResponse(IdempotentOutcome<?> outcome) {
        return outcome instanceof IdempotentOutcome.Replayed<?> replayed ? replay(replayed.response())
                : fresh(outcome.response());
    }

    private static Response fresh(StoredResponse stored) {
        Response.ResponseBuilder r = Response.status(stored.status()).type(stored.contentType()).entity(stored.body());
        if (stored.location() != null) {
            r.location(URI.create(stored.location()));
        }
        return r.build();
    }

    private static Response replay(StoredResponse stored) {
        Response.ResponseBuilder r = Response.status(stored.status())
                .type(stored.contentType())
                .entity(stored.body())
                .header(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            r.header(HttpHeaders.LOCATION, stored.location());
        }
        return r.build();
    }

    /**
     * A 409 that says "retry later" (another change of the payment was in flight): nothing was
     * done, and keeping it would answer the retry it asks for with the same 409 for ever.
     */
    private static boolean isRetryLater(ContainerResponseContext response) {
        return response.getStatus() == 409 && response.getEntity() instanceof JsonObject problem
                && RETRY_LATER.contains(problem.getString("code", ""));
    }

    /** A response marked {@code Cache-Control: no-store} carries a secret that is shown once. */
    private static boolean isShownOnce(ContainerResponseContext response) {
        String cache = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        return cache != null && cache.contains("no-store");
    }

    /**
     * What is kept for a replay of a shown-once answer: the same JSON with its secrets set to
     * null, because a client secret is stored only as a hash (contract), not in an
     * idempotency record.
     */
    private static byte[] withoutSecrets(JsonObject json) {
        JsonObjectBuilder redacted = Jsons.object();
        json.forEach((name, value) -> {
            if (SECRET_FIELDS.contains(name)) {
                redacted.addNull(name);
            } else {
                redacted.add(name, value);
            }
        });
        return redacted.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        KeyedRequest claimed = (KeyedRequest) request.getProperty(CLAIMED);
        if (claimed != null) {
            completeClaimed(claimed, request, response);
            return;
        }
        KeyedRequest deferred = (KeyedRequest) request.getProperty(DEFERRED);
        if (deferred != null && request.getProperty(HANDED_OVER) == null) {
            keepEarlyAnswer(request, deferred, response);
        }
    }

    private void completeClaimed(KeyedRequest claimed, ContainerRequestContext request,
            ContainerResponseContext response) {
        if (response.getStatus() >= 500 || isRetryLater(response)) {
            idempotency.release(claimed);
            return;
        }
        if (request.getProperty(HANDED_OVER) != null && response.getStatus() < 300) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body = bytesOf(entity);
        byte[] stored = isShownOnce(response) && entity instanceof JsonObject json ? withoutSecrets(json) : body;
        idempotency.complete(claimed, answerOf(response, stored));
        sendAsBytes(response, body);
    }

    /**
     * A method that owns its key answered before its use case claimed it (a 4xx for bad
     * input): keep that answer for replays, unless another request with the key came first,
     * whose answer is then sent instead. A 5xx is not kept.
     */
    private void keepEarlyAnswer(ContainerRequestContext request, KeyedRequest keyed, ContainerResponseContext response) {
        if (response.getStatus() >= 500) {
            return;
        }
        byte[] body = bytesOf(response.getEntity());
        Response instead;
        try {
            Optional<StoredResponse> earlier = idempotency.keep(keyed, answerOf(response, body));
            if (earlier.isEmpty()) {
                sendAsBytes(response, body);
                return;
            }
            instead = replay(earlier.get());
        } catch (DomainException e) {
            instead = ProblemMapper.fromDomain(e, (String) request.getProperty(ApiRequest.REQUEST_ID));
        }
        response.setStatus(instead.getStatus());
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().putAll(instead.getMetadata());
        response.setEntity(instead.getEntity(), response.getEntityAnnotations(), instead.getMediaType());
    }

    /** The response as it is kept for replays, with {@code body} as its bytes. */
    private static StoredResponse answerOf(ContainerResponseContext response, byte[] body) {
        String contentType = response.getMediaType() == null ? "application/json" : response.getMediaType().toString();
        return new StoredResponse(response.getStatus(), contentType, body, response.getHeaderString(HttpHeaders.LOCATION));
    }

    /** Sends a JSON entity as the very bytes that were stored, so the first answer and its replays match. */
    private static void sendAsBytes(ContainerResponseContext response, byte[] body) {
        if (response.getEntity() instanceof JsonStructure) {
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
    }

    private static byte[] bytesOf(Object entity) {
        return entity instanceof JsonStructure json ? json.toString().getBytes(StandardCharsets.UTF_8)
                : entity instanceof byte[] bytes ? bytes : new byte[0];
    }
}
