package io.tillpoint.domain.model.risk;

/**
 * The shared record of what screening needs (rules, blocklist, freezes, usual amounts) and its
 * change counter: the one thing each instance polls, by primary key, to know whether its
 * in-memory copy is current.
 */
public interface RiskChanges {

    /** Moves the counter on, in the caller's transaction: the change and its number commit together. */
    void recordChange();

    /** The current counter (one primary-key read, outside any transaction). */
    long counter();

    /** Everything screening needs with its counter, read by one statement; freezes active at the database's now. */
    RiskSnapshot snapshot();
}
