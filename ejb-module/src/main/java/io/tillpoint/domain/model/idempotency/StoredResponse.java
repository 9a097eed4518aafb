package io.tillpoint.domain.model.idempotency;

/** The first response to a keyed request, kept to be replayed byte for byte. */
public record StoredResponse(int status, String contentType, byte[] body, String location) {
}
