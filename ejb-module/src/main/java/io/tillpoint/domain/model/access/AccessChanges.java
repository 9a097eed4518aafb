package io.tillpoint.domain.model.access;

/**
 * The shared record of who is suspended or revoked, and its change counter: the one thing each
 * instance polls (by primary key) to know whether its copy is still current.
 */
public interface AccessChanges {

    /** Moves the counter on, in the caller's transaction: the change and its number commit together. */
    void recordChange();

    /** The current counter (one primary-key read, outside any transaction). */
    long counter();

    /** The whole set with its counter, read by one statement (one snapshot of the database). */
    AccessSnapshot snapshot();
}
