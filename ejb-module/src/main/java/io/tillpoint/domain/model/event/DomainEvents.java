package io.tillpoint.domain.model.event;

/**
 * Port: records an event in the caller's JTA transaction (the outbox), so that it commits or rolls
 * back with the change it describes. A relay publishes it after the commit, at least once.
 */
public interface DomainEvents {

    void record(DomainEvent event);
}
