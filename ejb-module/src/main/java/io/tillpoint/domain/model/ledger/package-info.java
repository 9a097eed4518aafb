/** The double-entry ledger: append-only journals whose postings balance to zero per currency. */
package io.tillpoint.domain.model.ledger;
