/** The payment aggregate, its explicit state machine, refunds, and the repository it is kept in. */
package io.tillpoint.domain.model.payment;
