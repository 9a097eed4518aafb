/**
 * Domain events: one thing that happened, recorded in the same transaction as the change it
 * describes (the outbox), and the port that records them.
 */
package io.tillpoint.domain.model.event;
