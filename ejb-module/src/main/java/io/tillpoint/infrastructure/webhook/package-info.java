/**
 * Webhooks' way out: the host lookups and the HTTP POST to a receiver (a pinned address, a
 * deadline, no redirects), and the listener on the webhook queue that turns events into deliveries.
 */
package io.tillpoint.infrastructure.webhook;
