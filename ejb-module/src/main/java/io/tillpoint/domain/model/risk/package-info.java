/**
 * Risk control: rules (versioned), blocklists, freezes and reviews; the in-memory snapshot that
 * screens every card payment before the acquirer is called; the velocity counts that the risk
 * consumer evaluates after it; and the ports to their stores and to the country tables.
 */
package io.tillpoint.domain.model.risk;
