package io.tillpoint.domain.model.idempotency;

/**
 * What a use case that claims its own idempotency key answers: done now, with the response
 * that was stored with the state change, or a replay of the response an earlier request with
 * the same key got.
 */
public sealed interface IdempotentOutcome<T> {

    /** The response to send, byte for byte. */
    StoredResponse response();

    /** This request did the work; {@code response} was stored in the same transaction as the result. */
    record Done<T>(T result, StoredResponse response) implements IdempotentOutcome<T> {
    }

    /** An earlier request with this key did the work; this is its response. */
    record Replayed<T>(StoredResponse response) implements IdempotentOutcome<T> {
    }
}
