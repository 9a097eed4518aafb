package io.tillpoint.interfaces.rest;

import io.tillpoint.application.IdempotencyService;
import io.tillpoint.domain.model.idempotency.IdempotencyKey;
import io.tillpoint.domain.model.idempotency.RequestFingerprint;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.shared.DomainException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Idempotency for every POST that carries {@code Idempotency-Key}: the key is claimed in
 * the database before the resource runs; the response (success or 4xx) is stored and
 * later replayed byte for byte with {@code Idempotent-Replayed: true}; a 5xx releases the
 * key so that a retry can run. A shown-once secret (a new merchant's client secret) is not
 * kept: its replay reads null there.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIMED = "tillpoint.idempotency.claimed";
    private static final String SCOPE = "tillpoint.idempotency.scope";
    private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "access_token", "secret");

    @Inject
    IdempotencyService idempotency;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (!"POST".equals(request.getMethod()) || header == null) {
            return;
        }
        String requestId = (String) request.getProperty(ApiRequest.REQUEST_ID);
        Caller caller = Caller.of(request.getSecurityContext());
        if (caller == null) {
            return;
        }
        try {
            IdempotencyKey key = new IdempotencyKey(header);
            byte[] body = (byte[]) request.getProperty(ApiRequest.BODY);
            RequestFingerprint fingerprint = RequestFingerprint.of("POST", "/" + request.getUriInfo().getPath(),
                    body == null ? new byte[0] : body);
            Optional<StoredResponse> replay = idempotency.claim(caller.idempotencyScope(), key, fingerprint);
            if (replay.isPresent()) {
                StoredResponse stored = replay.get();
                Response.ResponseBuilder r = Response.status(stored.status())
                        .type(stored.contentType())
                        .entity(stored.body())
                        .header("Idempotent-Replayed", "true");
                if (stored.location() != null) {
                    r.header(HttpHeaders.LOCATION, stored.location());
                }
                request.abortWith(r.build());
                return;
            }
            request.setProperty(CLAIMED, key);
            request.setProperty(SCOPE, caller.idempotencyScope());
        } catch (DomainException e) {
            request.abortWith(ProblemMapper.fromDomain(e, requestId));
        }
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
        IdempotencyKey key = (IdempotencyKey) request.getProperty(CLAIMED);
        if (key == null) {
            return;
        }
        String scope = (String) request.getProperty(SCOPE);
        if (response.getStatus() >= 500) {
            idempotency.release(scope, key);
            return;
        }
        Object entity = response.getEntity();
        byte[] body = entity instanceof JsonStructure json ? json.toString().getBytes(StandardCharsets.UTF_8)
                : entity instanceof byte[] bytes ? bytes : new byte[0];
        String contentType = response.getMediaType() == null ? "application/json" : response.getMediaType().toString();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        byte[] stored = isShownOnce(response) && entity instanceof JsonObject json ? withoutSecrets(json) : body;
        idempotency.complete(scope, key, new StoredResponse(response.getStatus(), contentType, stored, location));
        if (entity instanceof JsonStructure) {
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
    }
}
