/** The reconciliation job: a day's clearing file against our books. */
package io.tillpoint.batch.reconciliation;
