/**
 * Domain events: what happened to a payment, refund, review, freeze or settlement, recorded in
 * the same transaction as the change ({@link io.tillpoint.domain.model.event.DomainEvents}, the
 * outbox) and relayed from there to the gateway's own consumers and, for the merchant-visible
 * types, to merchants' webhooks.
 */
package io.tillpoint.domain.model.event;
