/** Shared kernel: money, currencies, identifiers and the domain's exceptions. */
package io.tillpoint.domain.shared;
