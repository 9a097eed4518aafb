/** Connectors to payment providers, behind the domain's connector interfaces. */
package io.tillpoint.infrastructure.connector;
