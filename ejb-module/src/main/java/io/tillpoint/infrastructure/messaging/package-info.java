/**
 * Domain events over JMS: the outbox writer ({@link io.tillpoint.infrastructure.messaging.OutboxDomainEvents}),
 * the relay that publishes committed events to the queues ({@link io.tillpoint.infrastructure.messaging.EventRelay}),
 * the queues themselves ({@link io.tillpoint.infrastructure.messaging.EventQueues}), and what every
 * consumer shares: idempotency by event id ({@link io.tillpoint.infrastructure.messaging.EventInbox})
 * and dead letters ({@link io.tillpoint.infrastructure.messaging.EventConsumer}).
 */
package io.tillpoint.infrastructure.messaging;
