package io.tillpoint.domain.model.risk;

/**
 * What the history holds for one subject within a rule's window: attempts (approved and declined
 * authorizations), how many of them were declined, and on how many different cards.
 */
public record VelocityCount(long attempts, long declined, long distinctCards) {
}
