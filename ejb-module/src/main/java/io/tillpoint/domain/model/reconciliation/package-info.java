/** Reconciliation: an acquirer's clearing file for a day matched with our captures and refunds, and the exceptions found. */
package io.tillpoint.domain.model.reconciliation;
