/**
 * Webhooks: a merchant's endpoints (where, which events, the signing secret and its rotation),
 * one delivery per event and endpoint with its attempts, the retry schedule, the
 * {@code Tillpoint-Signature}, the rules for which addresses a webhook may reach, and the ports
 * the application sends and keeps them through.
 */
package io.tillpoint.domain.model.webhook;
