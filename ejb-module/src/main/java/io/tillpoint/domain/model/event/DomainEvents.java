package io.tillpoint.domain.model.event;

/** Port: records an event in the caller's JTA transaction (the outbox). */
public interface DomainEvents {

    void record(DomainEvent event);
}
